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

    /// <summary>Header reads wait until <see cref="Open"/> is completed.</summary>
    private sealed class GatedLog(LogInMemory log) : ICommittedEventSource
    {
        public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<IReadOnlyList<CommittedEvent>> ReadAfterAsync(Checkpoint after, int limit, CancellationToken cancellationToken) =>
            log.ReadAfterAsync(after, limit, cancellationToken);

        public async Task<IReadOnlyList<EventHeader>> ReadHeadersAfterAsync(Checkpoint after, int limit, CancellationToken cancellationToken)
        {
            await Open.Task;
            return await log.ReadHeadersAfterAsync(after, limit, cancellationToken);
        }

        public Task<IReadOnlyList<CommittedEvent>> ReadDataAsync(IReadOnlyList<EventHeader> headers, CancellationToken cancellationToken) =>
            log.ReadDataAsync(headers, cancellationToken);
    }
}
