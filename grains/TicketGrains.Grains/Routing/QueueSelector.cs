namespace TicketGrains.Grains.Routing;

/// <summary>
/// Picks the queue a new ticket waits in. VIP customers get their own lane; otherwise the category
/// decides. The full routing engine (skills, load, overflow) replaces this in its own issue.
/// </summary>
public static class QueueSelector
{
    public const string General = "general";
    public const string Vip = "vip";

    public static string Select(string category, string customerTier) => customerTier == "vip"
        ? Vip
        : category switch
        {
            "return" or "exchange" or "refund" => "after-sales",
            "logistics" => "logistics",
            "complaint" => "complaints",
            "presale" => "presale",
            _ => General,
        };

    /// <summary>Every queue <see cref="Select"/> can return, for agents that serve all of them.</summary>
    public static readonly IReadOnlyList<string> AllQueues =
        [Vip, "complaints", "after-sales", "logistics", "presale", General];
}
