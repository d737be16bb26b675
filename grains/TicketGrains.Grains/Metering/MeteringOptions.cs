using TicketGrains.Grains.Hosting;

namespace TicketGrains.Grains.Metering;

/// <summary>The "Metering" section.</summary>
public sealed class MeteringOptions : IValidatableOptions
{
    public const string Section = "Metering";

    /// <summary>
    /// Whether silos run the meter subscriber (on by default). Off only to measure what counting costs: usage then stops
    /// being counted, and quotas stop moving. Read when the silo registers its subscribers.
    /// </summary>
    public bool Count { get; set; } = true;

    /// <summary>
    /// How often each front end re-reads the counts of tenants with quotas. A hard quota can be overshot by what the
    /// tenant creates in this interval plus the meter's pipeline lag.
    /// </summary>
    public TimeSpan QuotaRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The shortest time between two pages of the meter while commits keep arriving: each page is one transaction, and
    /// nobody reads the counts sooner than <see cref="QuotaRefreshInterval"/>. It adds at most this much to the meter's lag.
    /// </summary>
    public TimeSpan PageInterval { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<string> Problems(string section)
    {
        if (PageInterval < TimeSpan.Zero || PageInterval > TimeSpan.FromSeconds(10))
        {
            yield return $"{section}:PageInterval must be between 00:00:00 and 00:00:10, not {PageInterval}.";
        }

        if (QuotaRefreshInterval < TimeSpan.FromMilliseconds(50) || QuotaRefreshInterval > TimeSpan.FromMinutes(5))
        {
            yield return $"{section}:QuotaRefreshInterval must be between 00:00:00.050 and 00:05:00, not {QuotaRefreshInterval}.";
        }
    }
}
