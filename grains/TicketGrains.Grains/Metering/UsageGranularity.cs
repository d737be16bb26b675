namespace TicketGrains.Grains.Metering;

/// <summary>The periods usage is reported in, and the longest span one request may cover in each.</summary>
public static class UsageGranularity
{
    public const string Hour = "hour";

    public const string Day = "day";

    public static readonly IReadOnlyList<string> All = [Hour, Day];

    /// <summary>31 days of hours, 366 days of days: at most 744 and 366 periods.</summary>
    public static TimeSpan MaxSpan(string granularity) => granularity == Hour ? TimeSpan.FromDays(31) : TimeSpan.FromDays(366);
}
