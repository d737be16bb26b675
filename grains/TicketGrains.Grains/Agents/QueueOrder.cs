using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Agents;

/// <summary>
/// The order of a queue from its definition's keys, each deciding only when the ones before it tie: "priority" and
/// "tier" put the highest first, "slaDue" the earliest deadline (none last), "wait" the longest waiting. Arrival, then
/// the ticket id, break what is left, so the order is total and a ticket's place never depends on insertion order.
/// </summary>
public static class QueueOrder
{
    public const string Priority = "priority";
    public const string Tier = "tier";
    public const string SlaDue = "slaDue";
    public const string Wait = "wait";

    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.Ordinal) { Priority, Tier, SlaDue, Wait };

    public static IComparer<QueuedTicket> For(IReadOnlyList<string> keys) => Comparer<QueuedTicket>.Create((a, b) =>
    {
        foreach (var key in keys)
        {
            var byKey = Compare(key, a, b);
            if (byKey != 0)
            {
                return byKey;
            }
        }

        var byArrival = a.EnqueuedAt.CompareTo(b.EnqueuedAt);
        return byArrival != 0 ? byArrival : a.TicketId.CompareTo(b.TicketId);
    });

    private static int Compare(string key, QueuedTicket a, QueuedTicket b) => key switch
    {
        Priority => b.PriorityRank.CompareTo(a.PriorityRank),
        Tier => b.TierRank.CompareTo(a.TierRank),
        SlaDue => (a.SlaDueAt ?? DateTimeOffset.MaxValue).CompareTo(b.SlaDueAt ?? DateTimeOffset.MaxValue),
        Wait => a.EnqueuedAt.CompareTo(b.EnqueuedAt),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown queue order key."),
    };
}
