namespace TicketGrains.Abstractions.Contracts;

/// <summary>A business calendar (PUT /api/v1/calendars/{name}): weekly working hours in an IANA time zone, minus holidays.</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.CalendarDocument")]
public sealed record class CalendarDocument
{
    /// <summary>IANA time zone, e.g. Asia/Shanghai.</summary>
    [Id(0)] public string? TimeZone { get; init; }

    [Id(1)] public IReadOnlyList<WorkingHours>? WeeklyHours { get; init; }

    /// <summary>Whole local days without working hours, as yyyy-MM-dd.</summary>
    [Id(2)] public IReadOnlyList<string>? Holidays { get; init; }
}
