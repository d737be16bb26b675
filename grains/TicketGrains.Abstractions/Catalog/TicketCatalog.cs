namespace TicketGrains.Abstractions.Catalog;

/// <summary>The closed vocabularies of the ticket model; the API rejects anything outside them.</summary>
public static class TicketCatalog
{
    public static readonly IReadOnlySet<string> Channels = new HashSet<string>(StringComparer.Ordinal)
    {
        "web", "app", "wechat", "wecom", "douyin", "weibo", "email", "phone", "api",
    };

    public static readonly IReadOnlySet<string> Categories = new HashSet<string>(StringComparer.Ordinal)
    {
        "general", "presale", "order", "logistics", "return", "exchange", "refund", "complaint", "account",
    };

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
