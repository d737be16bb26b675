using Npgsql;
using TicketGrains.Grains.Pipeline;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Pipeline;

/// <summary>The high-water mark: a transaction that commits late with a lower position is never skipped.</summary>
public sealed class OutOfOrderCommitTests : MigratedDatabaseTest
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_reader_does_not_pass_an_open_transactions_lower_position_and_delivers_it_once_committed()
    {
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);
        var reader = new PostgresCommittedEventSource(source);
        await using var slow = await source.OpenConnectionAsync();
        await using var open = await slow.BeginTransactionAsync();
        var held = (await EventRows.InsertAsync(slow, open, ("ticket-slow", 1))).Single();
        var later = await EventRows.CommitAsync(source, ("ticket-fast", 1), ("ticket-fast", 2));

        // The later events are committed and visible to anyone: a reader going by position alone would hand them out
        // and move its checkpoint past the held one, which would then never be delivered.
        Assert.True(held < later[0]);
        Assert.Equal(later, await Database.ColumnAsync<long>("SELECT position FROM tg_events ORDER BY position"));
        Assert.Empty(await reader.ReadAfterAsync(Checkpoint.Beginning, 100, CancellationToken.None));

        await open.CommitAsync();

        IReadOnlyList<CommittedEvent> delivered = [];
        await Poll.UntilAsync("the three events to be readable", Deadline, async () =>
            (delivered = await reader.ReadAfterAsync(Checkpoint.Beginning, 100, CancellationToken.None)).Count == 3);
        Assert.Equal([held, .. later], delivered.Select(e => e.Position));
        Assert.Equal([("ticket-slow", 1), ("ticket-fast", 1), ("ticket-fast", 2)], delivered.Select(e => (e.StreamId, e.Version)));
        Assert.Empty(await reader.ReadAfterAsync(Checkpoint.After(delivered[^1]), 100, CancellationToken.None));
    }

    [Fact]
    public async Task A_subscriber_starting_now_still_gets_a_transaction_that_was_open_when_it_started()
    {
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);
        var store = new PostgresSubscriptionStore(source);
        await EventRows.CommitAsync(source, ("ticket-history", 1));
        await using var slow = await source.OpenConnectionAsync();
        await using var open = await slow.BeginTransactionAsync();
        var held = (await EventRows.InsertAsync(slow, open, ("ticket-open", 1))).Single();

        var start = await store.OpenAsync("late-comer", SubscriberStart.Now, null, null, CancellationToken.None);
        await open.CommitAsync();
        var after = await EventRows.CommitAsync(source, ("ticket-open", 2));

        // Opening again (a new activation) finds the stored checkpoint rather than a new "now".
        Assert.Equal(start, await store.OpenAsync("late-comer", SubscriberStart.Now, null, null, CancellationToken.None));
        var reader = new PostgresCommittedEventSource(source);
        IReadOnlyList<CommittedEvent> delivered = [];
        await Poll.UntilAsync("the events after the start to be readable", Deadline, async () =>
            (delivered = await reader.ReadAfterAsync(start, 100, CancellationToken.None)).Any(e => e.Position == after.Single()));
        Assert.Equal([held, .. after], delivered.Select(e => e.Position).Where(p => p >= held));
    }

    [Fact]
    public async Task Header_pages_shared_between_a_silos_subscribers_do_not_pass_an_open_transaction_either()
    {
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);
        var shared = new SharedHeaderReads(new PostgresCommittedEventSource(source), SharedHeaderReads.DefaultCapacity);
        var before = await EventRows.CommitAsync(source, ("ticket-before", 1));
        await using var slow = await source.OpenConnectionAsync();
        await using var open = await slow.BeginTransactionAsync();
        var held = (await EventRows.InsertAsync(slow, open, ("ticket-slow", 1))).Single();
        var later = await EventRows.CommitAsync(source, ("ticket-fast", 1));

        // The first subscriber's read is kept for the others; it must end before the open transaction's event.
        var first = await shared.ReadHeadersAfterAsync(Checkpoint.Beginning, 100, CancellationToken.None);
        Assert.Equal(before, first.Select(h => h.Position));
        await open.CommitAsync();

        // Two subscribers walk the log through the shared reads, the second one page behind the first.
        var walked = new List<EventHeader>(first);
        await Poll.UntilAsync("the held and the later event to be readable", Deadline, async () =>
        {
            walked.AddRange(await shared.ReadHeadersAfterAsync(Checkpoint.After(walked[^1]), 100, CancellationToken.None));
            return walked.Count == 3;
        });
        Assert.Equal([.. before, held, .. later], walked.Select(h => h.Position));
        Assert.Equal(walked, await shared.ReadHeadersAfterAsync(Checkpoint.Beginning, 100, CancellationToken.None));
        Assert.Equal([held, .. later], (await shared.ReadHeadersAfterAsync(Checkpoint.After(first[^1]), 100, CancellationToken.None)).Select(h => h.Position));
    }
}
