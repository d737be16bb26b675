using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TicketGrains.Grains.Pipeline;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Pipeline;

/// <summary>
/// A page stops below the oldest running transaction, which need not write events at all (a read-model update, a
/// checkpoint): its end wakes no subscriber. The page says that committed events wait behind it, so the reader comes
/// back within milliseconds rather than at its next poll (ADR 0038). Other databases' transactions on the same server
/// also hold pages back for a moment, so the reads after the release poll with a deadline.
/// </summary>
public sealed class HeldBackPageTests : MigratedDatabaseTest
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(10);

    [Fact]
    public async Task A_page_behind_a_transaction_that_wrote_no_events_says_committed_events_wait_and_has_them_once_it_ends()
    {
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);
        var reader = new PostgresCommittedEventSource(source);
        await using var blocker = await HoldTransactionAsync(source);
        var later = (await EventRows.CommitAsync(source, ("ticket-after", 1))).Single();

        var headers = await reader.ReadHeadersAfterAsync(Checkpoint.Beginning, 100, CancellationToken.None);
        var events = await reader.ReadAfterAsync(Checkpoint.Beginning, 100, CancellationToken.None);
        Assert.Empty(headers);
        Assert.True(headers.ShortOfHead);
        Assert.Empty(events);
        Assert.True(events.ShortOfHead);

        await blocker.Transaction.CommitAsync();
        LogPage<EventHeader> released = LogPage<EventHeader>.Empty;
        await Poll.UntilAsync("the held event to be readable", Deadline, async () =>
            (released = await reader.ReadHeadersAfterAsync(Checkpoint.Beginning, 100, CancellationToken.None)).Count == 1);
        Assert.Equal([later], released.Select(h => h.Position));
        Assert.False(released.ShortOfHead);
        var withData = await reader.ReadAfterAsync(Checkpoint.Beginning, 100, CancellationToken.None);
        Assert.Equal([later], withData.Select(e => e.Position));
        Assert.False(withData.ShortOfHead);
    }

    [Fact]
    public async Task A_caught_up_subscriber_whose_commit_is_held_back_reads_again_after_the_gather_interval_not_its_poll()
    {
        await ProbeTable.CreateAsync(Database);
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);
        var options = new PipelineOptions { PollInterval = PollInterval, GatherInterval = Gather };
        var pump = new SubscriberPump(new PipelineTestProbe(source), new PostgresCommittedEventSource(source),
            new PostgresSubscriptionStore(source), options, NullLogger.Instance);
        Assert.Equal(PollInterval, await pump.PumpOnceAsync(CancellationToken.None));

        await using var blocker = await HoldTransactionAsync(source);
        var later = (await EventRows.CommitAsync(source, ("ticket-after", 1))).Single();
        // What a commit's wake-up does: one step at once. It finds the event held back and asks to come back soon.
        Assert.Equal(Gather, await pump.PumpOnceAsync(CancellationToken.None));
        Assert.Equal(0, await ProbeTable.CountAsync(Database));

        await blocker.Transaction.CommitAsync();
        await Poll.UntilAsync("the probe to handle the released event", Deadline, async () =>
        {
            await pump.PumpOnceAsync(CancellationToken.None);
            return await ProbeTable.CountAsync(Database) == 1;
        });
        Assert.Equal([later], await ProbeTable.PositionsAsync(Database));
        Assert.Equal(PollInterval, await pump.PumpOnceAsync(CancellationToken.None));
    }

    /// <summary>A transaction holding a transaction id and writing nothing, as a read-model update between statements does.</summary>
    private static async Task<OpenTransaction> HoldTransactionAsync(NpgsqlDataSource source)
    {
        var connection = await source.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var assign = new NpgsqlCommand("SELECT pg_current_xact_id()", connection, transaction))
        {
            await assign.ExecuteScalarAsync();
        }

        return new OpenTransaction(connection, transaction);
    }

    private sealed record OpenTransaction(NpgsqlConnection Connection, NpgsqlTransaction Transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }
}
