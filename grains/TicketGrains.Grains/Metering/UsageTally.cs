using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.Metering;

/// <summary>
/// Sums a page of events into per tenant, per hour counts and the seats used, skipping each event at or below its
/// tenant's high-water key (counted before: a page delivered again), and says how far each tenant's key moves.
/// </summary>
public sealed class UsageTally
{
    private readonly Dictionary<(string Tenant, DateTimeOffset Hour), HourUsage> _hours = [];
    private readonly HashSet<SeatUse> _seats = [];
    private readonly Dictionary<string, Checkpoint> _highWater = new(StringComparer.Ordinal);

    /// <summary>Tallies <paramref name="events"/> (in log order) above <paramref name="counted"/> (each tenant's key; absent: nothing counted yet).</summary>
    public static UsageTally Of(IReadOnlyList<CommittedEvent> events, IReadOnlyDictionary<string, Checkpoint> counted)
    {
        var tally = new UsageTally();
        foreach (var committed in events)
        {
            var at = Checkpoint.After(committed);
            if (counted.TryGetValue(committed.TenantId, out var before) && at <= before)
            {
                continue;
            }

            tally._highWater[committed.TenantId] = at;
            tally.Add(committed, UsageClassifier.Classify(committed));
        }

        return tally;
    }

    public IReadOnlyCollection<HourUsage> Hours => _hours.Values;

    public IReadOnlyCollection<SeatUse> Seats => _seats;

    /// <summary>Each tenant's new high-water key: the last of its events in the page that was not counted before.</summary>
    public IReadOnlyDictionary<string, Checkpoint> HighWater => _highWater;

    private void Add(CommittedEvent committed, UsageCount count)
    {
        if (count.IsNothing)
        {
            return;
        }

        var hour = HourUsage.HourOf(committed.RecordedAt);
        if (count.Agent is { Length: > 0 } agent)
        {
            _seats.Add(new SeatUse(committed.TenantId, hour, agent));
        }

        if ((count with { Agent = null }) == UsageCount.Nothing)
        {
            return;
        }

        var key = (committed.TenantId, hour);
        var sum = _hours.TryGetValue(key, out var existing) ? existing : new HourUsage(committed.TenantId, hour, 0, 0, 0, 0);
        _hours[key] = sum.Plus(count);
    }
}
