namespace TicketGrains.Grains.Metering;

/// <summary>What a page of events added to one tenant's hour (UTC, the hour's start).</summary>
public sealed record HourUsage(string Tenant, DateTimeOffset Hour, long Tickets, long Messages, long AutomationRuns, long StorageBytes)
{
    /// <summary>The hour (UTC) an instant falls in.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    public HourUsage Plus(UsageCount count) => this with
    {
        Tickets = Tickets + count.Tickets,
        Messages = Messages + count.Messages,
        AutomationRuns = AutomationRuns + count.AutomationRuns,
        StorageBytes = StorageBytes + count.StorageBytes,
    };
}
