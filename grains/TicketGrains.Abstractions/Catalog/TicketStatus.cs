namespace TicketGrains.Abstractions.Catalog;

/// <summary>Ticket statuses as they appear on the wire and in the read model.</summary>
public static class TicketStatus
{
    public const string New = "new";
    public const string Open = "open";
    public const string Pending = "pending";
    public const string OnHold = "on_hold";
    public const string Solved = "solved";
    public const string Closed = "closed";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        New, Open, Pending, OnHold, Solved, Closed,
    };

    /// <summary>Statuses in which a ticket still waits for an agent to pick it up from a queue.</summary>
    public static bool IsWaiting(string status) => status is New or Open;

    public static bool IsActive(string status) => status is not (Solved or Closed);
}
