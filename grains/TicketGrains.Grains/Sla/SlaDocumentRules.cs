using System.Globalization;
using System.Text.RegularExpressions;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Sla;

/// <summary>
/// Validation of SLA policies and calendars on write. Each problem names its clause by JSON pointer (RFC 6901) into the
/// document as sent, e.g. "/targets/2/seconds".
/// </summary>
public static partial class SlaDocumentRules
{
    public const int MaxTargets = 64;
    public const int MaxHolidays = 1000;
    public const long MaxTargetSeconds = 366L * 24 * 3600;

    private static readonly string[] Days = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    /// <summary>A policy or calendar name: 1-64 lowercase letters, digits, '-' or '_'.</summary>
    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    public static List<(string Pointer, string Message)> Check(SlaPolicyDocument policy)
    {
        var problems = new List<(string, string)>();
        if (policy.Conditions is { } c)
        {
            CheckValues(problems, "/conditions/category", c.Category, TicketCatalog.Categories);
            CheckValues(problems, "/conditions/tier", c.Tier, TicketCatalog.Tiers);
            CheckValues(problems, "/conditions/channel", c.Channel, TicketCatalog.Channels);
            CheckValues(problems, "/conditions/priority", c.Priority, TicketCatalog.Priorities);
        }

        if (policy.Calendar is { } calendar && !IsValidName(calendar))
        {
            problems.Add(("/calendar", "A calendar name is 1-64 lowercase letters, digits, '-' or '_'."));
        }

        if (policy.WarnBeforeSeconds is < 1 or > (int)(MaxTargetSeconds / 2))
        {
            problems.Add(("/warnBeforeSeconds", $"Between 1 and {MaxTargetSeconds / 2} seconds."));
        }

        CheckTargets(problems, policy);
        if (policy.Escalation is { Webhook: { } url } && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            problems.Add(("/escalation/webhook", "An absolute http or https URL."));
        }

        if (policy.Escalation is { Notify: { } notify } && !AgentIds.IsValid(notify))
        {
            problems.Add(("/escalation/notify", "An agent id is 1-64 letters, digits, '.', '_', '-' or '@'."));
        }

        if (policy.Escalation is { Queue: { } queue } && !IsValidName(queue))
        {
            problems.Add(("/escalation/queue", "A queue name is 1-64 lowercase letters, digits, '-' or '_'."));
        }

        return problems;
    }

    public static List<(string Pointer, string Message)> Check(CalendarDocument calendar)
    {
        var problems = new List<(string, string)>();
        if (calendar.TimeZone is null)
        {
            problems.Add(("/timeZone", "'timeZone' is required (an IANA name such as Asia/Shanghai)."));
        }
        else if (!ZonePattern().IsMatch(calendar.TimeZone) || calendar.TimeZone.Contains("..", StringComparison.Ordinal)
            || !TimeZoneInfo.TryFindSystemTimeZoneById(calendar.TimeZone, out _))
        {
            problems.Add(("/timeZone", $"'{calendar.TimeZone}' is not a known IANA time zone."));
        }

        if (calendar.WeeklyHours is not { Count: > 0 } hours)
        {
            problems.Add(("/weeklyHours", "At least one working interval is required."));
        }
        else
        {
            CheckHours(problems, hours);
        }

        var holidays = calendar.Holidays ?? [];
        if (holidays.Count > MaxHolidays)
        {
            problems.Add(("/holidays", $"At most {MaxHolidays} holidays."));
        }

        for (var i = 0; i < holidays.Count; i++)
        {
            if (!DateOnly.TryParseExact(holidays[i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                problems.Add(($"/holidays/{i}", "A date as yyyy-MM-dd."));
            }
        }

        return problems;
    }

    /// <summary>The week day of "monday" … "sunday"; null for anything else.</summary>
    public static DayOfWeek? DayOf(string day) => Array.IndexOf(Days, day) is var i and >= 0 ? (DayOfWeek)i : null;

    /// <summary>"HH:mm" from 00:00 to 24:00; null for anything else.</summary>
    public static TimeSpan? TimeOf(string time) =>
        time == "24:00" ? TimeSpan.FromHours(24)
        : TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t.ToTimeSpan() : null;

    private static void CheckTargets(List<(string, string)> problems, SlaPolicyDocument policy)
    {
        if (policy.Targets is not { Count: > 0 and <= MaxTargets } targets)
        {
            problems.Add(("/targets", $"Between 1 and {MaxTargets} targets are required."));
            return;
        }

        var seen = new HashSet<(string?, string?)>();
        for (var i = 0; i < targets.Count; i++)
        {
            var t = targets[i];
            if (t.Metric is null || !SlaMetrics.All.Contains(t.Metric))
            {
                problems.Add(($"/targets/{i}/metric", $"One of {string.Join(", ", SlaMetrics.All)}."));
            }

            if (t.Priority is not null && !TicketCatalog.Priorities.Contains(t.Priority))
            {
                problems.Add(($"/targets/{i}/priority", $"One of {string.Join(", ", TicketCatalog.Priorities)}, or absent for every priority."));
            }

            if (t.Seconds is not (>= 1 and <= MaxTargetSeconds))
            {
                problems.Add(($"/targets/{i}/seconds", $"Between 1 and {MaxTargetSeconds} seconds."));
            }

            if (t.BusinessHours && policy.Calendar is null)
            {
                problems.Add(($"/targets/{i}/businessHours", "A target in business hours needs the policy's 'calendar'."));
            }

            if (!seen.Add((t.Metric, t.Priority)))
            {
                problems.Add(($"/targets/{i}", "A second target for the same metric and priority."));
            }
        }
    }

    private static void CheckHours(List<(string, string)> problems, IReadOnlyList<WorkingHours> hours)
    {
        var parsed = new List<(DayOfWeek Day, TimeSpan Start, TimeSpan End, int Index)>();
        for (var i = 0; i < hours.Count; i++)
        {
            var (day, start, end) = (hours[i].Day is { } d ? DayOf(d) : null, hours[i].Start is { } s ? TimeOf(s) : null, hours[i].End is { } e ? TimeOf(e) : null);
            if (day is null)
            {
                problems.Add(($"/weeklyHours/{i}/day", "monday, tuesday, wednesday, thursday, friday, saturday or sunday."));
            }

            if (start is null || start == TimeSpan.FromHours(24))
            {
                problems.Add(($"/weeklyHours/{i}/start", "A local time as HH:mm from 00:00 to 23:59."));
            }

            if (end is null || (start is not null && end <= start))
            {
                problems.Add(($"/weeklyHours/{i}/end", "A local time as HH:mm (or 24:00) after 'start'."));
            }
            else if (day is not null && start is not null)
            {
                parsed.Add((day.Value, start.Value, end.Value, i));
            }
        }

        foreach (var overlap in parsed.SelectMany(a => parsed.Where(b => b.Index > a.Index && b.Day == a.Day && b.Start < a.End && a.Start < b.End)))
        {
            problems.Add(($"/weeklyHours/{overlap.Index}", "Overlaps another interval of the same day."));
        }
    }

    private static void CheckValues(List<(string, string)> problems, string pointer, IReadOnlyList<string>? values, IEnumerable<string> known)
    {
        var set = known.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            if (!set.Contains(values![i]))
            {
                problems.Add(($"{pointer}/{i}", $"Unknown value '{values[i]}'. Known: {string.Join(", ", set.Order(StringComparer.Ordinal))}."));
            }
        }
    }

    [GeneratedRegex("^[a-z0-9_-]{1,64}$")]
    private static partial Regex NamePattern();

    /// <summary>
    /// An IANA zone name's shape. On Linux the runtime reads the zone from a file named after the id, so anything else
    /// (a path such as "../../etc/localtime") never reaches it.
    /// </summary>
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_+-]{0,29}(/[A-Za-z0-9_+-]{1,30}){0,2}$")]
    private static partial Regex ZonePattern();
}
