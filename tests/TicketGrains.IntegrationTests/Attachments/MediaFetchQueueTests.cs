using Npgsql;
using TicketGrains.Grains.Attachments;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Attachments;

/// <summary>
/// tg_attachment_fetches on PostgreSQL as the application role: each message queued once, a taken row leased to one
/// taker until its lease runs out, a retry due when it says, an early look not counted as an attempt, a finished row
/// never taken again.
/// </summary>
public sealed class MediaFetchQueueTests : MigratedDatabaseTest
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_message_is_queued_once_and_a_taken_row_is_leased_to_one_taker()
    {
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);
        var queue = new MediaFetchQueue(source);
        var fetch = Fetch("inbound/c/m1");

        await queue.AddAsync([fetch], Now, CancellationToken.None);
        await queue.AddAsync([fetch, Fetch("inbound/c/m2")], Now, CancellationToken.None);
        var first = await queue.TakeAsync(1, Lease, Now, CancellationToken.None);
        var second = await queue.TakeAsync(10, Lease, Now, CancellationToken.None);
        var none = await queue.TakeAsync(10, Lease, Now + Lease - TimeSpan.FromSeconds(1), CancellationToken.None);
        var again = await queue.TakeAsync(10, Lease, Now + Lease, CancellationToken.None);

        Assert.Equal([("inbound/c/m1", 1)], first.Select(f => (f.StreamId, f.Attempts)));
        Assert.Equal([("inbound/c/m2", 1)], second.Select(f => (f.StreamId, f.Attempts)));
        Assert.Empty(none);
        Assert.Equal([("inbound/c/m1", 2), ("inbound/c/m2", 2)], again.Select(f => (f.StreamId, f.Attempts)).Order());
    }

    [Fact]
    public async Task A_retry_is_due_when_it_says_an_early_look_is_not_an_attempt_and_a_finished_row_is_never_taken()
    {
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);
        var queue = new MediaFetchQueue(source);
        await queue.AddAsync([Fetch("inbound/c/a"), Fetch("inbound/c/b")], Now, CancellationToken.None);
        var taken = await queue.TakeAsync(10, Lease, Now, CancellationToken.None);
        var (a, b) = (taken.Single(f => f.StreamId == "inbound/c/a"), taken.Single(f => f.StreamId == "inbound/c/b"));

        await queue.RetryAsync(a, Now.AddSeconds(5), "not on a ticket yet", countsAsAttempt: false, Now, CancellationToken.None);
        await queue.FinishAsync(b, MediaFetchQueue.Failed, "errcode 40007: invalid media_id", Now, CancellationToken.None);

        Assert.Empty(await queue.TakeAsync(10, Lease, Now.AddSeconds(4), CancellationToken.None));
        Assert.Equal([("inbound/c/a", 1)], (await queue.TakeAsync(10, Lease, Now.AddSeconds(5), CancellationToken.None)).Select(f => (f.StreamId, f.Attempts)));
        Assert.Equal(("failed", 1, "errcode 40007: invalid media_id"), (await queue.StateAsync("t", "inbound/c/b", CancellationToken.None))!.Value);
        Assert.Equal(("pending", 1, "not on a ticket yet"), (await queue.StateAsync("t", "inbound/c/a", CancellationToken.None))!.Value);
        Assert.DoesNotContain(await queue.TakeAsync(10, Lease, Now.AddDays(1), CancellationToken.None), f => f.StreamId == "inbound/c/b");
    }

    private static MediaFetch Fetch(string stream) => new("t", stream, Guid.Parse("0b9d2a4e-64f1-4c36-9a0e-5d8f7c3b2a10"), Guid.Parse("5a0e9d1c-2b3f-4e6a-8c7d-1f2e3a4b5c6d"), "image", 0);
}
