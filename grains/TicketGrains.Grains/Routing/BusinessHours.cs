namespace TicketGrains.Grains.Routing;

/// <summary>
/// A weekly window in a time zone ("mon".."sun", "09:00"-"18:00"). <see cref="Inside"/> false makes the rule match
/// outside the window instead (night and weekend routing).
/// </summary>
public sealed class BusinessHours
{
    public static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public string TimeZone { get; init; } = "Asia/Shanghai";
    public List<string> Days { get; init; } = ["mon", "tue", "wed", "thu", "fri"];
    public string From { get; init; } = "09:00";
    public string To { get; init; } = "18:00";
    public bool Inside { get; init; } = true;

    // Looked up once per rule set: a zone lookup and two parses per decision cost more than the rest of a rule.
    private TimeZoneInfo? _zone;
    private (TimeOnly From, TimeOnly To)? _window;

    /// <summary>Whether <paramref name="at"/> satisfies the rule (inside the window, or outside when Inside is false).</summary>
    public bool Matches(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, _zone ??= TimeZoneInfo.FindSystemTimeZoneById(TimeZone));
        var (from, to) = _window ??= (TimeOnly.ParseExact(From, "HH:mm"), TimeOnly.ParseExact(To, "HH:mm"));
        var time = TimeOnly.FromDateTime(local.DateTime);
        var open = Days.Contains(DayNames[(int)local.DayOfWeek]) && time >= from && time < to;
        return open == Inside;
    }
}
