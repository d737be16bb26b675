using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Api.Docs;

/// <summary>The reference's example SLA calendar and policy; the policy counts business hours in the calendar.</summary>
public static class SlaExamples
{
    public static CalendarDocument Calendar { get; } = new()
    {
        TimeZone = "Asia/Shanghai",
        WeeklyHours =
        [
            .. new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }.SelectMany(day => new[]
            {
                new WorkingHours { Day = day, Start = "09:00", End = "12:00" },
                new WorkingHours { Day = day, Start = "13:00", End = "21:00" },
            }),
            new WorkingHours { Day = "saturday", Start = "10:00", End = "18:00" },
        ],
        Holidays = ["2026-10-01", "2026-10-02", "2026-10-05"],
    };

    public static SlaPolicyDocument Policy { get; } = new()
    {
        Order = 10,
        Conditions = new SlaConditions { Tier = ["vip"], Category = ["refund", "return", "logistics"] },
        Calendar = "shanghai-office",
        WarnBeforeSeconds = 600,
        Targets =
        [
            new SlaTarget { Metric = "first_reply", Priority = "urgent", Seconds = 900, BusinessHours = true },
            new SlaTarget { Metric = "first_reply", Seconds = 3600, BusinessHours = true },
            new SlaTarget { Metric = "next_reply", Seconds = 7200, BusinessHours = true },
            new SlaTarget { Metric = "requester_wait", Seconds = 28800, BusinessHours = true },
            new SlaTarget { Metric = "total_resolution", Seconds = 259200 },
        ],
        Escalation = new SlaEscalation { RaisePriority = true, Queue = "vip-escalations", Notify = "lead-1" },
    };
}
