using TicketGrains.Grains.Hosting;

namespace TicketGrains.Grains.Sla;

/// <summary>First-response targets per priority and how often the durable sweep runs (section "Sla").</summary>
public sealed class SlaOptions : IValidatableOptions
{
    public TimeSpan Urgent { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan High { get; set; } = TimeSpan.FromHours(4);
    public TimeSpan Normal { get; set; } = TimeSpan.FromHours(24);
    public TimeSpan Low { get; set; } = TimeSpan.FromHours(72);

    /// <summary>Period of the one reminder per tenant that catches deadlines of deactivated tickets.</summary>
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan FirstResponseTarget(string priority) => priority switch
    {
        "urgent" => Urgent,
        "high" => High,
        "low" => Low,
        _ => Normal,
    };

    public IEnumerable<string> Problems(string section)
    {
        foreach (var (key, value) in new[] { ("Urgent", Urgent), ("High", High), ("Normal", Normal), ("Low", Low), ("SweepPeriod", SweepPeriod) })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"{section}:{key} must be a positive time span (e.g. 01:00:00), not {value}.";
            }
        }
    }
}
