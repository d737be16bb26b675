using TicketGrains.Abstractions.Catalog;

namespace TicketGrains.Grains.Tickets;

/// <summary>
/// Allowed status transitions: new → open/pending/on_hold/solved; the working statuses move freely
/// among themselves and to solved; solved reopens or closes; closed is final (a follow-up is a new ticket).
/// Nothing returns to new.
/// </summary>
public static class TicketStateMachine
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        [TicketStatus.New] = [TicketStatus.Open, TicketStatus.Pending, TicketStatus.OnHold, TicketStatus.Solved],
        [TicketStatus.Open] = [TicketStatus.Pending, TicketStatus.OnHold, TicketStatus.Solved],
        [TicketStatus.Pending] = [TicketStatus.Open, TicketStatus.OnHold, TicketStatus.Solved],
        [TicketStatus.OnHold] = [TicketStatus.Open, TicketStatus.Pending, TicketStatus.Solved],
        [TicketStatus.Solved] = [TicketStatus.Open, TicketStatus.Closed],
        [TicketStatus.Closed] = [],
    };

    public static bool CanMove(string from, string to) =>
        Allowed.TryGetValue(from, out var targets) && Array.IndexOf(targets, to) >= 0;

    public static IReadOnlyList<string> TargetsFrom(string from) =>
        Allowed.TryGetValue(from, out var targets) ? targets : [];
}
