namespace TicketGrains.Abstractions.Catalog;

/// <summary>The closed vocabularies of the ticket model; the API rejects anything outside them.</summary>
public static class TicketCatalog
{
    public static readonly IReadOnlySet<string> Channels = new HashSet<string>(StringComparer.Ordinal)
    {
        "web", "app", "wechat", "wecom", "douyin", "weibo", "email", "phone", "api",
    };

    /// <summary>The category codes the classifier predicts (the public list in deploy/intents/README.md and ADR 0020).</summary>
    public static readonly IReadOnlyList<string> IntentCategories =
    [
        "presale", "logistics", "logistics_exception", "return_exchange", "refund", "cancel_order", "order_change", "payment", "invoice",
        "complaint", "feedback", "human_agent", "account",
    ];

    /// <summary>
    /// The categories a ticket may have: the classifier's codes (<see cref="IntentCategories"/>, declared first: initialisers run in order), plus "general" (the
    /// default, nothing predicted) and the earlier "order", "return" and "exchange", which tickets and rules still use.
    /// </summary>
    public static readonly IReadOnlySet<string> Categories = new HashSet<string>(["general", "order", "return", "exchange", .. IntentCategories],
        StringComparer.Ordinal);

    /// <summary>Priorities from lowest to highest; the index is the queue rank.</summary>
    public static readonly IReadOnlyList<string> Priorities = ["low", "normal", "high", "urgent"];

    public static readonly IReadOnlySet<string> Tiers = new HashSet<string>(StringComparer.Ordinal)
    {
        "regular", "silver", "gold", "vip",
    };

    /// <summary>Longest message body (and create body) in characters.</summary>
    public const int MaxMessageLength = 20_000;

    public const string DefaultCategory = "general";
    public const string DefaultPriority = "normal";
    public const string DefaultTier = "regular";

    public static int PriorityRank(string priority)
    {
        for (var i = 0; i < Priorities.Count; i++)
        {
            if (Priorities[i] == priority)
            {
                return i;
            }
        }

        return 1;
    }
}
