using System.Globalization;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Sla;

/// <summary>
/// Working time of a validated <see cref="CalendarDocument"/>: weekly hours in local time of its zone, minus whole-day
/// holidays. Local bounds are turned into instants day by day, so a daylight-saving change moves the hours with the clock
/// on the wall, as a shop's opening hours do.
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>How far ahead working hours are looked for; a calendar with none in three years is refused on write.</summary>
    public const int HorizonDays = 3 * 366;

    private readonly TimeZoneInfo _zone;
    private readonly List<(TimeSpan Start, TimeSpan End)>[] _week = [.. Enumerable.Range(0, 7).Select(_ => new List<(TimeSpan, TimeSpan)>())];
    private readonly HashSet<DateOnly> _holidays = [];

    public BusinessCalendar(CalendarDocument calendar)
    {
        _zone = TimeZoneInfo.FindSystemTimeZoneById(calendar.TimeZone!);
        foreach (var hours in calendar.WeeklyHours ?? [])
        {
            _week[(int)SlaDocumentRules.DayOf(hours.Day!)!].Add((SlaDocumentRules.TimeOf(hours.Start!)!.Value, SlaDocumentRules.TimeOf(hours.End!)!.Value));
        }

        foreach (var day in _week)
        {
            day.Sort();
        }

        foreach (var holiday in calendar.Holidays ?? [])
        {
            _holidays.Add(DateOnly.ParseExact(holiday, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The instant <paramref name="amount"/> of working time after <paramref name="from"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset from, TimeSpan amount)
    {
        if (amount <= TimeSpan.Zero)
        {
            return from;
        }

        var left = amount;
        foreach (var (start, end) in WindowsFrom(from))
        {
            var begin = start < from ? from : start;
            if (end - begin >= left)
            {
                return begin + left;
            }

            left -= end - begin;
        }

        throw new InvalidOperationException($"The calendar has no working hours within {HorizonDays} days.");
    }

    /// <summary>The working time between two instants (zero when <paramref name="to"/> is not later).</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        foreach (var (start, end) in WindowsFrom(from))
        {
            if (start >= to)
            {
                break;
            }

            var overlap = (end < to ? end : to) - (start > from ? start : from);
            total += overlap > TimeSpan.Zero ? overlap : TimeSpan.Zero;
        }

        return total;
    }

    /// <summary>Working windows, in order, that end after <paramref name="from"/>.</summary>
    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> WindowsFrom(DateTimeOffset from)
    {
        // The day before as well: its hours may reach past midnight UTC into the local day of from.
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, _zone).DateTime).AddDays(-1);
        for (var i = 0; i <= HorizonDays; i++, day = day.AddDays(1))
        {
            if (_holidays.Contains(day))
            {
                continue;
            }

            foreach (var (start, end) in _week[(int)day.DayOfWeek])
            {
                var window = (Instant(day, start), Instant(day, end));
                if (window.Item2 > from)
                {
                    yield return window;
                }
            }
        }
    }

    private DateTimeOffset Instant(DateOnly day, TimeSpan time)
    {
        var local = day.ToDateTime(TimeOnly.MinValue) + time;
        while (_zone.IsInvalidTime(local))
        {
            // Inside the hour skipped when clocks go forward: the hours start when the wall clock shows a real time again.
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, _zone), TimeSpan.Zero);
    }
}
