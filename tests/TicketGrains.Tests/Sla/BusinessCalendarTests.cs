using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Sla;
using Xunit;
using static TicketGrains.Tests.Sla.SlaPlans;

namespace TicketGrains.Tests.Sla;

public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar Office = new(SlaPlans.Calendar);

    [Fact]
    public void Time_inside_working_hours_is_added_as_is() =>
        Assert.Equal(Local(9, 29, 11, 30), Office.Add(Local(9, 29, 10), TimeSpan.FromMinutes(90)));

    [Fact]
    public void Time_left_at_closing_carries_over_to_the_next_morning() =>
        Assert.Equal(Local(9, 30, 10), Office.Add(Local(9, 29, 17), TimeSpan.FromHours(2)));

    [Fact]
    public void A_holiday_is_skipped_like_a_weekend() =>
        Assert.Equal(Local(10, 2, 10), Office.Add(Local(9, 30, 17), TimeSpan.FromHours(2)));

    [Fact]
    public void A_weekend_is_skipped() =>
        Assert.Equal(Local(10, 5, 9, 30), Office.Add(Local(10, 2, 17, 30), TimeSpan.FromHours(1)));

    [Fact]
    public void Time_started_at_night_begins_counting_at_opening() =>
        Assert.Equal(Local(9, 30, 9, 45), Office.Add(Local(9, 29, 23), TimeSpan.FromMinutes(45)));

    [Fact]
    public void Working_time_between_two_instants_leaves_out_nights_weekends_and_holidays() =>
        Assert.Equal(TimeSpan.FromHours(1) + TimeSpan.FromHours(9) + TimeSpan.FromHours(1), Office.Between(Local(9, 30, 17), Local(10, 5, 10)));

    [Fact]
    public void No_working_time_lies_between_an_instant_and_an_earlier_one() =>
        Assert.Equal(TimeSpan.Zero, Office.Between(Local(9, 30, 12), Local(9, 30, 11)));

    [Fact]
    public void Hours_follow_the_wall_clock_across_a_daylight_saving_change()
    {
        var berlin = new BusinessCalendar(new CalendarDocument
        {
            TimeZone = "Europe/Berlin",
            WeeklyHours = [new WorkingHours { Day = "friday", Start = "09:00", End = "17:00" }, new WorkingHours { Day = "monday", Start = "09:00", End = "17:00" }],
        });
        // Friday 27 March 2026 is CET (UTC+1); Monday 30 March is CEST (UTC+2): opening is 07:00 UTC then.
        var fridayFour = new DateTimeOffset(2026, 3, 27, 15, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 3, 30, 8, 0, 0, TimeSpan.Zero), berlin.Add(fridayFour, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Several_intervals_a_day_leave_the_lunch_break_out()
    {
        var lunch = new BusinessCalendar(new CalendarDocument
        {
            TimeZone = "Asia/Shanghai",
            WeeklyHours = [new WorkingHours { Day = "monday", Start = "13:00", End = "18:00" }, new WorkingHours { Day = "monday", Start = "09:00", End = "12:00" }],
        });

        Assert.Equal(Local(9, 28, 14), lunch.Add(Local(9, 28, 11), TimeSpan.FromHours(2)));
    }
}
