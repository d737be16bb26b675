using System.Text.Json;
using TicketGrains.Grains.Surges;
using Xunit;

namespace TicketGrains.Tests.Surges;

public sealed class SurgeDetectorTests
{
    private static readonly DateTimeOffset Monday = SurgeStream.Monday;

    /// <summary>Three quiet hours of one or two tickets a minute (alternating), from midnight.</summary>
    private static SurgeStream Quiet()
    {
        var stream = new SurgeStream();
        stream.Steady(Monday, 180, m => 1 + m.Minute % 2);
        return stream;
    }

    [Fact]
    public void A_burst_after_a_quiet_baseline_is_one_surge_detected_inside_its_first_minute()
    {
        var stream = Quiet();
        var onset = Monday.AddHours(3).AddSeconds(30);

        for (var i = 0; i < 60; i++)
        {
            stream.Add(onset.AddSeconds(i * 2));
        }

        var surge = Assert.Single(stream.Detected);
        Assert.InRange(surge.At - onset, TimeSpan.Zero, TimeSpan.FromSeconds(60));
        Assert.Equal(surge.WindowCount, (int)Math.Ceiling(surge.Threshold));
        Assert.InRange(surge.Expected, 1.0, 2.0);
        Assert.Equal(surge.WindowCount, surge.Incidents.Count);
        Assert.All(stream.DuringSurge.TakeLast(60 - surge.WindowCount), d => Assert.Equal(surge.SurgeId, d));
        Assert.Empty(stream.Ended);
    }

    [Fact]
    public void A_surge_ends_after_five_quiet_minutes_and_a_later_burst_is_a_new_surge()
    {
        var stream = Quiet();
        var onset = Monday.AddHours(3);
        stream.Minute(onset, 40);
        stream.Minute(onset.AddMinutes(1), 40);
        stream.Steady(onset.AddMinutes(2), 4, _ => 1);
        Assert.Empty(stream.Ended);

        stream.Steady(onset.AddMinutes(6), 2, _ => 1);
        var ended = Assert.Single(stream.Ended);
        Assert.Equal(Assert.Single(stream.Detected).SurgeId, ended.SurgeId);
        Assert.Equal(onset.AddMinutes(7), ended.At);
        Assert.Equal(40, ended.PeakCount);

        stream.Minute(onset.AddMinutes(20), 40);
        Assert.Equal(2, stream.Detected.Count);
        Assert.NotEqual(stream.Detected[0].SurgeId, stream.Detected[1].SurgeId);
    }

    [Fact]
    public void Time_passing_without_tickets_ends_a_surge()
    {
        var stream = Quiet();
        stream.Minute(Monday.AddHours(3), 40);

        stream.Advance(Monday.AddHours(3).AddMinutes(5));
        Assert.Empty(stream.Ended);
        stream.Advance(Monday.AddHours(3).AddMinutes(6));
        Assert.Single(stream.Ended);
    }

    [Fact]
    public void The_baseline_is_per_hour_of_day_so_the_busy_hour_is_no_surge_and_the_same_count_at_night_is()
    {
        // Two days ramping to 20 a minute at noon (5 at ten, 10 at eleven and one), 1 a minute otherwise.
        var stream = new SurgeStream();
        stream.Steady(Monday, 2 * 24 * 60, m => m.Hour switch { 10 => 5, 11 or 13 => 10, 12 => 20, _ => 1 });
        Assert.Empty(stream.Detected);

        stream.Steady(Monday.AddDays(2).AddHours(12), 10, _ => 22);
        Assert.Empty(stream.Detected);

        stream.Minute(Monday.AddDays(2).AddHours(14).AddMinutes(30), 22);
        Assert.Single(stream.Detected);
    }

    [Fact]
    public void A_sparse_or_new_category_needs_the_floor()
    {
        var nine = new SurgeStream();
        nine.Minute(Monday, 9);
        var ten = new SurgeStream();
        ten.Minute(Monday, 10);

        Assert.Empty(nine.Detected);
        Assert.Equal(10, Assert.Single(ten.Detected).WindowCount);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(9)]
    public void A_burst_across_a_minute_boundary_is_a_surge_though_its_first_minute_closed_before_the_onset(int beforeTheBoundary)
    {
        // A new category: ten tickets one second apart, the first ones in the minute before the boundary. That minute
        // closes before the tenth ticket; had it taught the baseline, a new category would expect its burst.
        var stream = new SurgeStream();
        var first = Monday.AddMinutes(1).AddSeconds(-beforeTheBoundary);
        for (var i = 0; i < 10; i++)
        {
            stream.Add(first.AddSeconds(i));
        }

        var surge = Assert.Single(stream.Detected);
        Assert.Equal((10, first, first.AddSeconds(9)), (surge.WindowCount, surge.StartedAt, surge.At));
    }

    [Fact]
    public void The_minutes_an_onset_reached_back_into_are_not_learnt_and_quiet_minutes_are_once_they_leave_the_window()
    {
        var stream = Quiet();
        var slot = stream.State.Baseline.Slots[3];
        stream.Minute(Monday.AddHours(3), 2);
        stream.Minute(Monday.AddHours(3).AddMinutes(1), 2);
        // 3:00 has left the window of a ticket at 3:02 and is learnt; 3:01 is still inside it and waits.
        stream.Add(Monday.AddHours(3).AddMinutes(2));
        Assert.Equal(1, slot.Minutes);

        // The burst's window reaches back into 3:01 and 3:02: neither is ever learnt, nor is anything while it lasts.
        stream.Minute(Monday.AddHours(3).AddMinutes(2).AddSeconds(30), 20);
        Assert.Single(stream.Detected);
        stream.Advance(Monday.AddHours(3).AddMinutes(9));
        Assert.Equal((Monday.AddHours(3).AddMinutes(9), 1L), (Assert.Single(stream.Ended).At, slot.Minutes));

        // After the surge, 3:09 is learnt once a ticket's window no longer reaches it.
        stream.Advance(Monday.AddHours(3).AddMinutes(11));
        Assert.Equal(2, slot.Minutes);
    }

    [Fact]
    public void Late_tickets_count_now_and_the_clock_never_runs_backwards()
    {
        var stream = new SurgeStream();
        stream.Add(Monday.AddMinutes(10));
        stream.Add(Monday.AddMinutes(2));

        Assert.Equal(Monday.AddMinutes(10), stream.State.LastAt);
        Assert.Equal(2, stream.State.Window.Count);
        Assert.All(stream.State.Recent, r => Assert.Equal(Monday.AddMinutes(10), r.At));
    }

    [Fact]
    public void A_stored_and_reloaded_detector_keeps_its_surge_neither_losing_nor_raising_it_again()
    {
        var stream = Quiet();
        stream.Minute(Monday.AddHours(3), 40);
        var detected = Assert.Single(stream.Detected);

        var json = JsonSerializer.Serialize(stream.State, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        stream.State = JsonSerializer.Deserialize<SurgeDetectorState>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        stream.Minute(Monday.AddHours(3).AddMinutes(1), 40);
        stream.Advance(Monday.AddHours(3).AddMinutes(7));

        Assert.Single(stream.Detected);
        Assert.Equal(detected.SurgeId, Assert.Single(stream.Ended).SurgeId);
        Assert.Equal(detected.SurgeId, stream.DuringSurge[^1]);
    }

    [Fact]
    public void The_baseline_learns_nothing_while_a_surge_lasts()
    {
        var stream = Quiet();
        var before = JsonSerializer.Serialize(stream.State.Baseline.Slots[3]);
        stream.Steady(Monday.AddHours(3), 30, _ => 40);

        Assert.Equal(before, JsonSerializer.Serialize(stream.State.Baseline.Slots[3]));
        Assert.Single(stream.Detected);
        Assert.Empty(stream.Ended);
    }

    [Fact]
    public void Onset_levels_are_the_largest_of_floor_ratio_and_sigmas_with_a_poisson_variance()
    {
        var options = new SurgeOptions();
        var baseline = new SurgeBaseline();
        for (var i = 0; i < 100; i++)
        {
            baseline.Add(Monday, 4, options);
        }

        var levels = baseline.Levels(Monday, options);
        // Variance 0 is raised to the mean (4): 4 + 5 × 2 = 14 beats 3 × 4 = 12 and the floor of 10.
        Assert.Equal((4.0, 14.0), (Math.Round(levels.Expected, 6), Math.Round(levels.Onset, 6)));
    }
}
