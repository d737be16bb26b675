namespace TicketGrains.Grains.Metering;

/// <summary>
/// Quota names, "measure.period" (e.g. <c>tickets.perDay</c>): the measures are the usage report's names, the periods an
/// hour or a UTC day. Hard quotas exist for what the API can refuse: ticket creates and messages.
/// </summary>
public static class QuotaKeys
{
    public const string Tickets = "tickets";
    public const string Messages = "messages";
    public const string ActiveSeats = "activeSeats";
    public const string AutomationRuns = "automationRuns";
    public const string StorageBytes = "storageBytes";

    public const string PerHour = "perHour";
    public const string PerDay = "perDay";

    public static readonly IReadOnlyList<string> Measures = [Tickets, Messages, ActiveSeats, AutomationRuns, StorageBytes];

    public static readonly IReadOnlyList<string> HardMeasures = [Tickets, Messages];

    public static readonly IReadOnlyList<string> Periods = [PerHour, PerDay];

    /// <summary>Splits "tickets.perDay"; false for a name that is not a known measure and period.</summary>
    public static bool TryParse(string key, out string measure, out string period)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        measure = dot > 0 ? key[..dot] : "";
        period = dot > 0 ? key[(dot + 1)..] : "";
        return Measures.Contains(measure) && Periods.Contains(period);
    }

    /// <summary>The period (hour or UTC day) <paramref name="at"/> falls in.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) PeriodOf(string period, DateTimeOffset at)
    {
        var hour = HourUsage.HourOf(at);
        var start = period == PerHour ? hour : hour.AddHours(-hour.Hour);
        return (start, period == PerHour ? start.AddHours(1) : start.AddDays(1));
    }
}
