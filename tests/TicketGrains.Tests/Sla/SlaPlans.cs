using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Sla;

namespace TicketGrains.Tests.Sla;

/// <summary>The calendar and plans the SLA tests share: a Shanghai shop open Monday to Friday 09:00-18:00, closed 1 October 2026.</summary>
internal static class SlaPlans
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static readonly CalendarDocument Calendar = new()
    {
        TimeZone = "Asia/Shanghai",
        WeeklyHours = [.. new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }
            .Select(d => new WorkingHours { Day = d, Start = "09:00", End = "18:00" })],
        Holidays = ["2026-10-01"],
    };

    /// <summary>Every metric with the same target in business hours.</summary>
    public static SlaPlan AllMetrics(TimeSpan target, int? warnBeforeSeconds = null, SlaEscalation? escalation = null) => new()
    {
        Policy = "office",
        Version = 1,
        Calendar = Calendar,
        Targets = [.. SlaMetrics.All.Select(m => new SlaPlanTarget(m, (long)target.TotalSeconds, BusinessHours: true))],
        WarnBeforeSeconds = warnBeforeSeconds,
        Escalation = escalation,
    };

    /// <summary>The instant of a Shanghai wall-clock time.</summary>
    public static DateTimeOffset Local(int month, int day, int hour, int minute = 0) =>
        new(2026, month, day, hour, minute, 0, Shanghai.GetUtcOffset(new DateTime(2026, month, day)));
}
