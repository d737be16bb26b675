using TicketGrains.Grains.Pipeline;
using Xunit;

namespace TicketGrains.Tests.Pipeline;

public sealed class SharedHeaderReadsTests
{
    private readonly LogInMemory _log = LogInMemory.WithEvents(6);

    [Fact]
    public async Task Subscribers_following_each_other_read_a_page_from_the_log_once()
    {
        var reads = new SharedHeaderReads(_log, capacity: 100);

        var first = await reads.ReadHeadersAfterAsync(Checkpoint.Beginning, 4, default);
        var second = await reads.ReadHeadersAfterAsync(Checkpoint.Beginning, 4, default);
        var third = await reads.ReadHeadersAfterAsync(new Checkpoint(12, 2), 4, default);

        Assert.Equal([1, 2, 3, 4], first.Select(h => h.Position));
        Assert.Equal(first, second);
        Assert.Equal([3, 4], third.Select(h => h.Position));
        Assert.Equal([Checkpoint.Beginning], _log.ReadsAfter);
    }

    [Fact]
    public async Task A_subscriber_at_the_end_of_what_was_read_reads_on_and_the_stretch_grows()
    {
        var reads = new SharedHeaderReads(_log, capacity: 100);

        await reads.ReadHeadersAfterAsync(Checkpoint.Beginning, 2, default);
        var next = await reads.ReadHeadersAfterAsync(new Checkpoint(12, 2), 2, default);
        var fromStart = await reads.ReadHeadersAfterAsync(Checkpoint.Beginning, 10, default);

        Assert.Equal([3, 4], next.Select(h => h.Position));
        Assert.Equal([1, 2, 3, 4], fromStart.Select(h => h.Position));
        Assert.Equal([Checkpoint.Beginning, new Checkpoint(12, 2)], _log.ReadsAfter);
    }

    [Fact]
    public async Task A_subscriber_behind_the_stretch_reads_the_log_and_leaves_the_newer_stretch_in_place()
    {
        var reads = new SharedHeaderReads(_log, capacity: 100);

        await reads.ReadHeadersAfterAsync(new Checkpoint(14, 4), 10, default);
        var behind = await reads.ReadHeadersAfterAsync(Checkpoint.Beginning, 2, default);
        var atHead = await reads.ReadHeadersAfterAsync(new Checkpoint(14, 4), 10, default);

        Assert.Equal([1, 2], behind.Select(h => h.Position));
        Assert.Equal([5, 6], atHead.Select(h => h.Position));
        Assert.Equal([new Checkpoint(14, 4), Checkpoint.Beginning], _log.ReadsAfter);
    }

    [Fact]
    public async Task The_stretch_keeps_only_its_newest_headers()
    {
        var reads = new SharedHeaderReads(_log, capacity: 3);

        await reads.ReadHeadersAfterAsync(Checkpoint.Beginning, 6, default);
        var kept = await reads.ReadHeadersAfterAsync(new Checkpoint(13, 3), 6, default);
        var dropped = await reads.ReadHeadersAfterAsync(new Checkpoint(12, 2), 6, default);

        Assert.Equal([4, 5, 6], kept.Select(h => h.Position));
        Assert.Equal([3, 4, 5, 6], dropped.Select(h => h.Position));
        Assert.Equal([Checkpoint.Beginning, new Checkpoint(12, 2)], _log.ReadsAfter);
    }

    [Fact]
    public async Task Subscribers_asking_for_a_page_being_read_wait_for_that_read_and_a_cancelled_one_does_not_cancel_it()
    {
        var gated = new GatedLog(_log);
        var reads = new SharedHeaderReads(gated, capacity: 100);
        using var cancelled = new CancellationTokenSource();

        var first = reads.ReadHeadersAfterAsync(Checkpoint.Beginning, 3, cancelled.Token);
        var second = reads.ReadHeadersAfterAsync(Checkpoint.Beginning, 3, default);
        await cancelled.CancelAsync();
        gated.Open.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal([1, 2, 3], (await second).Select(h => h.Position));
        Assert.Equal([Checkpoint.Beginning], _log.ReadsAfter);
    }

    [Fact]
    public async Task A_page_served_up_to_the_end_of_the_stretch_falls_short_of_the_head_once_a_commit_woke_the_silo_after_its_read()
    {
        long wakeUps = 0;
        var reads = new SharedHeaderReads(_log, capacity: 100, () => wakeUps);

        var read = await reads.ReadHeadersAfterAsync(Checkpoint.Beginning, 10, default);
        var servedBeforeWake = await reads.ReadHeadersAfterAsync(new Checkpoint(12, 2), 10, default);
        wakeUps++;
        var servedAfterWake = await reads.ReadHeadersAfterAsync(new Checkpoint(12, 2), 10, default);
        var servedShortOfTheEnd = await reads.ReadHeadersAfterAsync(new Checkpoint(12, 2), 2, default);

        Assert.False(read.ShortOfHead);
        Assert.False(servedBeforeWake.ShortOfHead);
        Assert.True(servedAfterWake.ShortOfHead);
        Assert.Equal([3, 4, 5, 6], servedAfterWake.Select(h => h.Position));
        // A full page is followed at once anyway.
        Assert.False(servedShortOfTheEnd.ShortOfHead);
        Assert.Equal([Checkpoint.Beginning], _log.ReadsAfter);
    }

    [Fact]
    public async Task Events_held_back_after_the_stretch_are_still_reported_to_a_subscriber_served_from_it()
    {
        _log.Running = 15;
        var reads = new SharedHeaderReads(_log, capacity: 100);

        var read = await reads.ReadHeadersAfterAsync(Checkpoint.Beginning, 10, default);
        var served = await reads.ReadHeadersAfterAsync(new Checkpoint(12, 2), 10, default);

        Assert.Equal([1, 2, 3, 4], read.Select(h => h.Position));
        Assert.True(read.ShortOfHead);
        Assert.Equal([3, 4], served.Select(h => h.Position));
        Assert.True(served.ShortOfHead);
    }

    [Fact]
    public async Task A_subscriber_woken_after_a_read_started_reads_for_itself_instead_of_joining_it()
    {
        long wakeUps = 0;
        var gated = new GatedLog(_log);
        var reads = new SharedHeaderReads(gated, capacity: 100, () => wakeUps);

        var started = reads.ReadHeadersAfterAsync(Checkpoint.Beginning, 3, default);
        var joined = reads.ReadHeadersAfterAsync(Checkpoint.Beginning, 3, default);
        wakeUps++;
        var woken = reads.ReadHeadersAfterAsync(Checkpoint.Beginning, 3, default);
        gated.Open.SetResult();
        await Task.WhenAll(started, joined, woken);

        Assert.Equal([Checkpoint.Beginning, Checkpoint.Beginning], _log.ReadsAfter);
        Assert.Equal([1, 2, 3], (await woken).Select(h => h.Position));
    }

    /// <summary>Header reads wait until <see cref="Open"/> is completed.</summary>
    private sealed class GatedLog(LogInMemory log) : ICommittedEventSource
    {
        public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<LogPage<CommittedEvent>> ReadAfterAsync(Checkpoint after, int limit, CancellationToken cancellationToken) =>
            log.ReadAfterAsync(after, limit, cancellationToken);

        public async Task<LogPage<EventHeader>> ReadHeadersAfterAsync(Checkpoint after, int limit, CancellationToken cancellationToken)
        {
            await Open.Task;
            return await log.ReadHeadersAfterAsync(after, limit, cancellationToken);
        }

        public Task<IReadOnlyList<CommittedEvent>> ReadDataAsync(IReadOnlyList<EventHeader> headers, CancellationToken cancellationToken) =>
            log.ReadDataAsync(headers, cancellationToken);
    }
}
