using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TicketGrains.Grains.Pipeline;
using Xunit;

namespace TicketGrains.Tests.Pipeline;

public sealed class SubscriberPumpTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private static readonly PipelineOptions Options = new() { PollInterval = Poll, PageSize = 2, BackoffMax = TimeSpan.FromSeconds(1), CheckpointInterval = TimeSpan.Zero };

    private readonly LogInMemory _log = new();
    private readonly CheckpointsInMemory _store = new();

    [Fact]
    public async Task Hands_over_pages_in_log_order_storing_the_checkpoint_after_each()
    {
        // Transaction 9 got its id before transaction 10 but inserted after it (positions 4, 5 against 3): transactions lead.
        _log.Append(9, 4);
        _log.Append(10, 3);
        _log.Append(9, 5);
        _log.Append(11, 6);
        _log.Append(11, 7);
        var subscriber = new RecordingSubscriber();
        var pump = Pump(subscriber);

        var delays = new[] { await pump.PumpOnceAsync(default), await pump.PumpOnceAsync(default), await pump.PumpOnceAsync(default), await pump.PumpOnceAsync(default) };

        Assert.Equal([[4, 5], [3, 6], [7]], subscriber.Pages);
        Assert.Equal([new Checkpoint(9, 5), new Checkpoint(11, 6), new Checkpoint(11, 7)], _store.Saves);
        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, Poll, Poll], delays);
        Assert.Equal(new Checkpoint(11, 7), pump.Checkpoint);
    }

    [Fact]
    public async Task A_failing_handler_gets_the_same_page_again_after_doubling_delays_and_the_checkpoint_waits()
    {
        _log.Append(5, 1);
        _log.Append(5, 2);
        _log.Append(6, 3);
        var subscriber = new RecordingSubscriber { FailNext = 3 };
        var pump = Pump(subscriber);

        var delays = new[] { await pump.PumpOnceAsync(default), await pump.PumpOnceAsync(default), await pump.PumpOnceAsync(default) };

        Assert.Equal([Poll, 2 * Poll, 4 * Poll], delays);
        Assert.Empty(_store.Saves);
        Assert.Equal([(1, "InvalidOperationException: webhook answered 500"), (2, "InvalidOperationException: webhook answered 500"),
            (3, "InvalidOperationException: webhook answered 500")], _store.Failures);

        Assert.Equal(TimeSpan.Zero, await pump.PumpOnceAsync(default));
        Assert.Equal(Poll, await pump.PumpOnceAsync(default));
        Assert.Equal([[1, 2], [1, 2], [1, 2], [1, 2], [3]], subscriber.Pages);
        Assert.Equal([new Checkpoint(5, 2), new Checkpoint(6, 3)], _store.Saves);
    }

    [Fact]
    public async Task A_repeated_failure_logs_its_stack_trace_once_per_streak_and_its_message_each_time()
    {
        _log.Append(5, 1);
        var subscriber = new RecordingSubscriber { FailNext = 3 };
        var logger = new RecordingLogger();
        var pump = new SubscriberPump(subscriber, _log, _store, Options, logger);

        for (var step = 0; step < 3; step++)
        {
            await pump.PumpOnceAsync(default);
        }

        await pump.PumpOnceAsync(default);
        _log.Append(6, 2);
        subscriber.FailNext = 1;
        await pump.PumpOnceAsync(default);

        Assert.Equal([true, false, false, true], logger.Entries.Select(e => e.WithException));
        Assert.All(logger.Entries, e => Assert.Equal(LogLevel.Warning, e.Level));
        Assert.StartsWith("Subscriber recorder failed again after Checkpoint {", logger.Entries[2].Text, StringComparison.Ordinal);
        Assert.EndsWith("(3 in a row): InvalidOperationException: webhook answered 500; retrying in 00:00:00.4000000", logger.Entries[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wake_up_between_steps_waits_out_the_gather_interval_and_leaves_a_back_off_alone()
    {
        _log.Append(5, 1);
        var subscriber = new RecordingSubscriber { FailNext = 1 };
        var pump = new SubscriberPump(subscriber, _log, _store, new PipelineOptions { PollInterval = Poll, PageSize = 2, BackoffMax = TimeSpan.FromSeconds(1), GatherInterval = TimeSpan.FromMilliseconds(10), GatherBurst = 1, CheckpointInterval = TimeSpan.Zero }, NullLogger.Instance);

        await pump.PumpOnceAsync(default);
        Assert.Null(pump.WhenWokenBetweenSteps(TimeSpan.FromSeconds(5)));

        await pump.PumpOnceAsync(default);
        Assert.Equal(TimeSpan.FromMilliseconds(6), pump.WhenWokenBetweenSteps(TimeSpan.FromMilliseconds(4)));
        Assert.Equal(TimeSpan.Zero, pump.WhenWokenBetweenSteps(TimeSpan.FromMilliseconds(40)));
    }

    [Fact]
    public async Task Each_step_spends_a_credit_of_the_gather_burst_on_the_pumps_clock()
    {
        _log.Append(5, 1);
        var time = new FakeTimeProvider();
        var pump = new SubscriberPump(new RecordingSubscriber(), _log, _store,
            new PipelineOptions { PollInterval = Poll, PageSize = 2, GatherInterval = TimeSpan.FromMilliseconds(10), GatherBurst = 2, CheckpointInterval = TimeSpan.Zero },
            NullLogger.Instance, time);

        await pump.PumpOnceAsync(default);
        Assert.Equal(TimeSpan.Zero, pump.WhenWokenBetweenSteps(TimeSpan.FromMilliseconds(1)));

        time.Advance(TimeSpan.FromMilliseconds(1));
        await pump.PumpOnceAsync(default);
        Assert.Equal(TimeSpan.FromMilliseconds(8), pump.WhenWokenBetweenSteps(TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public async Task A_wake_up_during_a_step_shortens_a_caught_up_wait_to_the_gather_interval_but_never_a_back_off()
    {
        var gather = TimeSpan.FromMilliseconds(10);
        _log.Append(5, 1);
        _log.Append(5, 2);
        _log.Append(6, 3);
        var subscriber = new RecordingSubscriber { FailNext = 1 };
        var pump = new SubscriberPump(subscriber, _log, _store, new PipelineOptions { PollInterval = Poll, PageSize = 2, BackoffMax = TimeSpan.FromSeconds(1), GatherInterval = gather, GatherBurst = 1, CheckpointInterval = TimeSpan.Zero }, NullLogger.Instance);

        var backOff = await pump.PumpOnceAsync(default);
        Assert.Equal(Poll, backOff);
        Assert.Equal(Poll, pump.AfterWake(TimeSpan.FromMilliseconds(1), backOff));

        var fullPage = await pump.PumpOnceAsync(default);
        Assert.Equal(TimeSpan.Zero, pump.AfterWake(TimeSpan.FromMilliseconds(1), fullPage));

        var caughtUp = await pump.PumpOnceAsync(default);
        Assert.Equal(Poll, caughtUp);
        Assert.Equal(TimeSpan.FromMilliseconds(7), pump.AfterWake(TimeSpan.FromMilliseconds(3), caughtUp));
        Assert.Equal(TimeSpan.Zero, pump.AfterWake(TimeSpan.FromMilliseconds(12), caughtUp));
    }

    [Fact]
    public async Task Events_held_back_by_a_running_transaction_are_read_again_soon_and_not_at_the_next_poll()
    {
        var gather = TimeSpan.FromMilliseconds(10);
        _log.Append(5, 1);
        _log.Append(7, 2);
        _log.Append(8, 3);
        _log.Running = 6;
        var subscriber = new RecordingSubscriber();
        var pump = new SubscriberPump(subscriber, _log, _store, new PipelineOptions { PollInterval = Poll, PageSize = 5, GatherInterval = gather, CheckpointInterval = TimeSpan.Zero }, NullLogger.Instance);

        // Progress behind the hold, then none: the wait doubles from the gather interval while nothing moves.
        var delays = new[] { await pump.PumpOnceAsync(default), await pump.PumpOnceAsync(default), await pump.PumpOnceAsync(default) };
        _log.Running = null;
        var released = await pump.PumpOnceAsync(default);

        Assert.Equal([gather, 2 * gather, 4 * gather], delays);
        Assert.Equal(Poll, released);
        Assert.Equal([[1], [2, 3]], subscriber.Pages);
    }

    [Fact]
    public async Task A_checkpoint_that_could_not_be_stored_is_stored_on_the_next_step_without_handing_the_page_over_again()
    {
        _log.Append(5, 1);
        _store.FailNextSaves = 1;
        var subscriber = new RecordingSubscriber();
        var pump = Pump(subscriber);

        Assert.Equal(Poll, await pump.PumpOnceAsync(default));
        Assert.Equal(Poll, await pump.PumpOnceAsync(default));

        Assert.Equal([[1]], subscriber.Pages);
        Assert.Equal([new Checkpoint(5, 1)], _store.Saves);
    }

    [Fact]
    public async Task A_subscriber_stores_its_checkpoint_at_most_once_per_interval_and_what_it_reached_one_interval_later()
    {
        for (var position = 1; position <= 6; position++)
        {
            _log.Append(5, position);
        }

        var time = new FakeTimeProvider();
        var subscriber = new RecordingSubscriber();
        var options = new PipelineOptions { PollInterval = Poll, PageSize = 2, CheckpointInterval = TimeSpan.FromMilliseconds(250) };
        var pump = new SubscriberPump(subscriber, _log, _store, options, NullLogger.Instance, time);

        await pump.PumpOnceAsync(default);
        Assert.Empty(_store.Saves);
        time.Advance(TimeSpan.FromMilliseconds(249));
        await pump.PumpOnceAsync(default);
        Assert.Empty(_store.Saves);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await pump.PumpOnceAsync(default);
        Assert.Equal([new Checkpoint(5, 6)], _store.Saves);

        _log.Append(6, 7);
        await pump.PumpOnceAsync(default);
        Assert.Equal(Poll, await pump.PumpOnceAsync(default));
        Assert.Equal([new Checkpoint(5, 6)], _store.Saves);
        // Caught up and polling: what it reached is stored once the interval has passed, and only once.
        time.Advance(TimeSpan.FromMilliseconds(250));
        await pump.PumpOnceAsync(default);
        await pump.PumpOnceAsync(default);
        Assert.Equal([new Checkpoint(5, 6), new Checkpoint(6, 7)], _store.Saves);
        Assert.Equal([[1, 2], [3, 4], [5, 6], [7]], subscriber.Pages);
    }

    [Fact]
    public async Task Storing_on_the_way_out_writes_a_checkpoint_the_interval_held_back_and_nothing_when_all_is_stored()
    {
        _log.Append(5, 1);
        var time = new FakeTimeProvider();
        var options = new PipelineOptions { PollInterval = Poll, PageSize = 2, CheckpointInterval = TimeSpan.FromSeconds(1) };
        var pump = new SubscriberPump(new RecordingSubscriber(), _log, _store, options, NullLogger.Instance, time);

        await pump.PumpOnceAsync(default);
        Assert.Empty(_store.Saves);
        await pump.StoreAsync(default);
        await pump.StoreAsync(default);

        Assert.Equal([new Checkpoint(5, 1)], _store.Saves);
    }

    [Fact]
    public async Task A_new_pump_resumes_after_the_stored_checkpoint_and_opens_with_the_subscribers_start()
    {
        _log.Append(5, 1);
        _log.Append(6, 2);
        _store.Stored["recorder"] = new Checkpoint(5, 1);
        var subscriber = new RecordingSubscriber(SubscriberStart.Now);

        await Pump(subscriber).PumpOnceAsync(default);

        Assert.Equal([("recorder", SubscriberStart.Now)], _store.Opened);
        Assert.Equal([[2]], subscriber.Pages);
    }

    [Fact]
    public async Task A_subscriber_that_took_over_anothers_work_starts_after_that_ones_checkpoint_and_then_keeps_its_own()
    {
        _log.Append(5, 1);
        _log.Append(6, 2);
        _log.Append(7, 3);
        _store.Stored["linker-before"] = new Checkpoint(5, 1);
        var subscriber = new RecordingSubscriber(takesOverFrom: "linker-before");

        await Pump(subscriber).PumpOnceAsync(default);
        await Pump(subscriber).PumpOnceAsync(default);

        // The second pump (a new activation) resumes from the subscriber's own checkpoint, not the predecessor's again.
        Assert.Equal([[2, 3]], subscriber.Pages);
        Assert.Equal(new Checkpoint(7, 3), _store.Stored["recorder"]);
    }

    [Fact]
    public async Task A_subscriber_that_handed_work_over_gives_its_checkpoint_to_a_successor_that_has_none_before_its_first_page()
    {
        _log.Append(5, 1);
        _log.Append(6, 2);
        _store.Stored["recorder"] = new Checkpoint(5, 1);
        _store.Stored["kept-its-own"] = new Checkpoint(6, 2);

        await Pump(new RecordingSubscriber(handsOverTo: "successor")).PumpOnceAsync(default);
        await Pump(new RecordingSubscriber(handsOverTo: "kept-its-own")).PumpOnceAsync(default);

        Assert.Equal(new Checkpoint(5, 1), _store.Stored["successor"]);
        Assert.Equal(new Checkpoint(6, 2), _store.Stored["recorder"]);
        Assert.Equal(new Checkpoint(6, 2), _store.Stored["kept-its-own"]);
    }

    [Fact]
    public async Task Recovering_with_nothing_new_stores_the_same_checkpoint_to_clear_the_failure_count()
    {
        _log.FailNextReads = 1;
        var pump = Pump(new RecordingSubscriber());

        Assert.Equal(Poll, await pump.PumpOnceAsync(default));
        Assert.Equal(Poll, await pump.PumpOnceAsync(default));
        Assert.Equal(Poll, await pump.PumpOnceAsync(default));

        Assert.Equal([(1, "InvalidOperationException: database unreachable")], _store.Failures);
        Assert.Equal([Checkpoint.Beginning], _store.Saves);
    }

    [Fact]
    public async Task A_selective_subscriber_gets_only_the_events_it_wants_with_their_data_and_passes_the_rest()
    {
        _log.Append(5, 1, tenant: "shop-a");
        _log.Append(5, 2, tenant: "shop-b");
        _log.Append(6, 3, tenant: "shop-b");
        _log.Append(7, 4, tenant: "shop-a");
        _log.Append(8, 5, tenant: "shop-c");
        var subscriber = new SelectingSubscriber { Audience = { "shop-a" } };
        var pump = Pump(subscriber);

        await pump.PumpOnceAsync(default);
        await pump.PumpOnceAsync(default);
        subscriber.Audience.Add("shop-c");
        var last = await pump.PumpOnceAsync(default);

        Assert.Equal([["shop-a:{\"position\":1}"], ["shop-a:{\"position\":4}"], ["shop-c:{\"position\":5}"]], subscriber.Pages);
        Assert.Equal([[1], [4], [5]], _log.DataReads);
        Assert.Equal([new Checkpoint(5, 2), new Checkpoint(7, 4), new Checkpoint(8, 5)], _store.Saves);
        Assert.Equal(Poll, last);
    }

    [Fact]
    public async Task A_page_a_selective_subscriber_wants_nothing_of_reads_no_data_and_still_moves_the_checkpoint()
    {
        _log.Append(5, 1, tenant: "shop-b");
        _log.Append(5, 2, tenant: "shop-b");
        var subscriber = new SelectingSubscriber();
        var pump = Pump(subscriber);

        var delay = await pump.PumpOnceAsync(default);
        var idle = await pump.PumpOnceAsync(default);

        Assert.Empty(subscriber.Pages);
        Assert.Empty(_log.DataReads);
        Assert.Equal([new Checkpoint(5, 2)], _store.Saves);
        Assert.Equal(TimeSpan.Zero, delay);
        Assert.Equal(Poll, idle);
        // Asked once, for the page it had: the empty read after it needed no choice.
        Assert.Equal(1, subscriber.Selections);
    }

    private SubscriberPump Pump(IEventSubscriber subscriber) => new(subscriber, _log, _store, Options, NullLogger.Instance);
}
