using TicketGrains.Grains.Pipeline;
using Xunit;

namespace TicketGrains.Tests.Pipeline;

public sealed class PumpScheduleTests
{
    private static PumpSchedule Schedule => new(new PipelineOptions
    {
        PollInterval = TimeSpan.FromMilliseconds(100),
        PageSize = 50,
        BackoffMax = TimeSpan.FromSeconds(3),
        GatherInterval = TimeSpan.FromMilliseconds(10),
        GatherBurst = 1,
    });

    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(10);

    [Theory]
    [InlineData(0, 10)]
    [InlineData(4, 6)]
    [InlineData(10, 0)]
    [InlineData(250, 0)]
    public void Commits_during_a_page_bring_the_next_read_forward_to_the_end_of_the_gather_interval(int pageTookMs, int expectedDelayMs)
    {
        var schedule = Schedule;
        schedule.PageStarted(null);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedDelayMs), schedule.AfterWake(TimeSpan.FromMilliseconds(pageTookMs)));
    }

    [Fact]
    public void A_full_page_asks_for_the_next_at_once() => Assert.Equal(TimeSpan.Zero, Schedule.AfterPage(50));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(49)]
    public void A_short_page_means_caught_up_so_it_polls_again_later(int delivered) =>
        Assert.Equal(TimeSpan.FromMilliseconds(100), Schedule.AfterPage(delivered));

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(4, 80)]
    [InlineData(5, 100)]
    [InlineData(64, 100)]
    public void A_short_page_that_fell_short_of_the_head_is_followed_after_the_gather_interval_doubling_up_to_the_poll(int shortInARow, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), Schedule.AfterPage(3, shortInARow));

    [Fact]
    public void A_full_page_is_followed_at_once_even_when_it_fell_short_of_the_head() =>
        Assert.Equal(TimeSpan.Zero, Schedule.AfterPage(50, shortInARow: 3));

    [Fact]
    public void Without_a_gather_interval_a_held_back_reader_still_waits_a_millisecond_instead_of_spinning()
    {
        var eager = new PumpSchedule(new PipelineOptions { PollInterval = TimeSpan.FromMilliseconds(100), PageSize = 50, GatherInterval = TimeSpan.Zero });

        Assert.Equal([1, 2, 4, 100], new[] { 1, 2, 3, 64 }.Select(n => eager.AfterPage(0, n).TotalMilliseconds));
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(300, 700)]
    [InlineData(1200, 0)]
    public void A_subscriber_with_its_own_longer_gather_interval_reads_at_most_once_per_interval(int pageTookMs, int expectedDelayMs)
    {
        var meter = new PumpSchedule(new PipelineOptions { PollInterval = TimeSpan.FromMilliseconds(100), PageSize = 50, GatherInterval = TimeSpan.FromMilliseconds(10) },
            TimeSpan.FromSeconds(1));

        meter.PageStarted(null);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedDelayMs), meter.AfterWake(TimeSpan.FromMilliseconds(pageTookMs)));
        Assert.Equal(TimeSpan.FromSeconds(1), meter.AfterPage(49));
        Assert.Equal(TimeSpan.Zero, meter.AfterPage(50));
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(3, 400)]
    [InlineData(5, 1600)]
    [InlineData(6, 3000)]
    [InlineData(7, 3000)]
    public void Retries_double_from_the_poll_interval_up_to_the_maximum(int failures, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Schedule.AfterFailure(failures));

    [Theory]
    [InlineData(62)]
    [InlineData(64)]
    [InlineData(int.MaxValue)]
    public void Endless_failures_stay_at_the_maximum_without_overflowing(int failures) =>
        Assert.Equal(TimeSpan.FromSeconds(3), Schedule.AfterFailure(failures));

    [Fact]
    public void Woken_pages_start_at_once_while_credits_last_then_wait_for_the_next_one()
    {
        var schedule = Bursting();
        var waits = new List<double>();
        TimeSpan? sincePrevious = null;
        for (var page = 0; page < 5; page++)
        {
            schedule.PageStarted(sincePrevious);
            var wait = schedule.AfterWake(TimeSpan.FromMilliseconds(1));
            waits.Add(wait.TotalMilliseconds);
            sincePrevious = TimeSpan.FromMilliseconds(1) + wait;
        }

        // Four credits: three more pages at once (each earning a tenth back), then the fourth credit's remainder.
        Assert.Equal([0, 0, 0, 6, 9], waits);
    }

    [Fact]
    public void A_quiet_spell_earns_the_whole_burst_back_and_no_more()
    {
        var schedule = Bursting();
        schedule.PageStarted(null);
        schedule.PageStarted(TimeSpan.Zero);
        schedule.PageStarted(TimeSpan.Zero);
        schedule.PageStarted(TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromMilliseconds(10), schedule.AfterWake(TimeSpan.Zero));

        schedule.PageStarted(TimeSpan.FromSeconds(5));
        var waits = Enumerable.Range(0, 4).Select(_ =>
        {
            var wait = schedule.AfterWake(TimeSpan.Zero);
            schedule.PageStarted(wait);
            return wait.TotalMilliseconds;
        }).ToList();

        Assert.Equal([0, 0, 0, 10], waits);
    }

    [Fact]
    public void Under_steady_wake_ups_a_subscriber_still_reads_about_once_per_gather_interval()
    {
        var schedule = Bursting();
        var pageTook = TimeSpan.FromMilliseconds(0.5);
        var (elapsed, pages) = (TimeSpan.Zero, 0);
        TimeSpan? sincePrevious = null;
        while (elapsed < TimeSpan.FromSeconds(1))
        {
            schedule.PageStarted(sincePrevious);
            pages++;
            sincePrevious = pageTook + schedule.AfterWake(pageTook);
            elapsed += sincePrevious.Value;
        }

        // A hundred intervals in the second, and the four credits it started with.
        Assert.InRange(pages, 101, 104);
    }

    [Fact]
    public void A_burst_of_one_is_the_plain_floor_between_pages()
    {
        var schedule = new PumpSchedule(new PipelineOptions { PollInterval = TimeSpan.FromMilliseconds(100), PageSize = 50, GatherInterval = Gather, GatherBurst = 1 });

        schedule.PageStarted(null);
        Assert.Equal(TimeSpan.FromMilliseconds(7), schedule.AfterWake(TimeSpan.FromMilliseconds(3)));
        schedule.PageStarted(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromMilliseconds(7), schedule.AfterWake(TimeSpan.FromMilliseconds(3)));
    }

    private static PumpSchedule Bursting() =>
        new(new PipelineOptions { PollInterval = TimeSpan.FromMilliseconds(100), PageSize = 50, GatherInterval = Gather, GatherBurst = 4 });
}
