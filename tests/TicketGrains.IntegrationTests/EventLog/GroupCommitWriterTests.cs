using TicketGrains.Abstractions.Errors;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.EventLog;

/// <summary>
/// The group-commit writer on a real PostgreSQL. Each test holds the writer's first statement at a lock, queues what it
/// wants the next statement to carry, then lets go: a statement-level trigger on tg_events shows what went in together.
/// </summary>
public sealed class GroupCommitWriterTests : MigratedDatabaseTest
{
    [Fact]
    public async Task Appends_queued_while_a_statement_runs_commit_together_in_the_next_one()
    {
        await using var writer = await WriterUnderTest.StartAsync(Database);
        var (hold, first) = await writer.HoldAStatementAsync();
        await using var held = hold;
        var queued = Appends.Tickets(40, "queued").Select(a => writer.Writer.AppendAsync(a)).ToList();

        await hold.ReleaseAsync();
        await first;
        await Task.WhenAll(queued);

        Assert.Equal([1, 40], await writer.StatementsAsync());
        Assert.Equal(41, (await writer.StoredStreamsAsync(Appends.Tenant)).Count);
        Assert.Equal(41L, (await Database.ColumnAsync<long>("SELECT count(*) FROM tg_tickets WHERE tenant_id = $1", Appends.Tenant)).Single());
    }

    [Fact]
    public async Task A_statement_carries_at_most_MaxBatch_appends()
    {
        await using var writer = await WriterUnderTest.StartAsync(Database, maxBatch: 16);
        var (hold, first) = await writer.HoldAStatementAsync();
        await using var held = hold;
        var queued = Appends.Tickets(40, "queued").Select(a => writer.Writer.AppendAsync(a)).ToList();

        await hold.ReleaseAsync();
        await Task.WhenAll(queued.Append(first));

        Assert.Equal([1, 16, 16, 8], await writer.StatementsAsync());
    }

    [Fact]
    public async Task A_version_that_exists_fails_only_its_own_append_in_the_batch()
    {
        await using var writer = await WriterUnderTest.StartAsync(Database);
        var original = Appends.Ticket("original");
        await writer.Writer.AppendAsync(original);
        var (hold, first) = await writer.HoldAStatementAsync();
        await using var held = hold;
        var before = writer.Writer.AppendAsync(Appends.Ticket("before"));
        var conflicting = writer.Writer.AppendAsync(original with { Json = """{"note": "conflicting"}""" });
        var after = writer.Writer.AppendAsync(Appends.Ticket("after"));

        await hold.ReleaseAsync();

        await Task.WhenAll(first, before, after);
        await Assert.ThrowsAsync<ConflictException>(() => conflicting);
        Assert.Equal([1, 1, 2], await writer.StatementsAsync());
        Assert.Equal(["""{"note": "original"}"""], await writer.StoredAsync(original));
    }

    [Fact]
    public async Task Two_appends_of_one_version_in_one_batch_commit_the_first_and_refuse_the_second()
    {
        await using var writer = await WriterUnderTest.StartAsync(Database);
        var (hold, first) = await writer.HoldAStatementAsync();
        await using var held = hold;
        var ticket = Guid.NewGuid();
        var winner = Appends.Ticket("winner", ticket, status: "new");
        var won = writer.Writer.AppendAsync(winner);
        var lost = writer.Writer.AppendAsync(Appends.Ticket("loser", ticket, status: "open"));

        await hold.ReleaseAsync();

        await Task.WhenAll(first, won);
        await Assert.ThrowsAsync<ConflictException>(() => lost);
        Assert.Equal(["""{"note": "winner"}"""], await writer.StoredAsync(winner));
        Assert.Equal(["new"], await Database.ColumnAsync<string>("SELECT status FROM tg_tickets WHERE ticket_id = $1", ticket));
    }

    [Fact]
    public async Task An_order_number_is_filed_by_the_statement_that_stores_the_creation_and_only_for_the_append_that_went_in()
    {
        await using var writer = await WriterUnderTest.StartAsync(Database);
        var (hold, first) = await writer.HoldAStatementAsync();
        await using var held = hold;
        var ticket = Guid.NewGuid();
        var won = writer.Writer.AppendAsync(Appends.Ticket("winner", ticket) with { OrderNo = "SO-WON" });
        var lost = writer.Writer.AppendAsync(Appends.Ticket("loser", ticket) with { OrderNo = "SO-LOST" });
        var other = Appends.Ticket("other") with { OrderNo = "SO-WON" };
        var alsoFiled = writer.Writer.AppendAsync(other);

        await hold.ReleaseAsync();

        await Task.WhenAll(first, won, alsoFiled);
        await Assert.ThrowsAsync<ConflictException>(() => lost);
        Assert.Equal([1, 2], await writer.StatementsAsync());
        var filed = await Database.ColumnAsync<string>(
            "SELECT order_no || ' ' || ticket_id FROM tg_order_tickets WHERE tenant_id = $1 ORDER BY order_no, ticket_id", Appends.Tenant);
        Assert.Equal(new[] { $"SO-WON {ticket}", $"SO-WON {other.Row!.TicketId}" }.Order(StringComparer.Ordinal), filed);
    }

    [Fact]
    public async Task A_failed_statement_fails_every_append_in_it_and_the_writer_goes_on()
    {
        await using var writer = await WriterUnderTest.StartAsync(Database);
        var (hold, first) = await writer.HoldAStatementAsync();
        await using var held = hold;
        var (good1, good2) = (Appends.Ticket("good-1"), Appends.Ticket("good-2"));
        // Version 0 breaks the table's CHECK (version > 0): PostgreSQL refuses the whole statement.
        var batch = new[] { good1, Appends.Ticket("bad", version: 0), good2 }.Select(a => writer.Writer.AppendAsync(a)).ToList();

        await hold.ReleaseAsync();

        await first;
        foreach (var append in batch)
        {
            await Assert.ThrowsAsync<StorageUnavailableException>(() => append);
        }

        Assert.Empty(await writer.StoredAsync(good1));
        Assert.Empty(await writer.StoredAsync(good2));
        await writer.Writer.AppendAsync(good1);
        Assert.Equal(["""{"note": "good-1"}"""], await writer.StoredAsync(good1));
        Assert.Equal([1, 1], await writer.StatementsAsync());
    }

    [Fact]
    public async Task An_append_cancelled_while_it_waits_in_the_queue_is_never_written()
    {
        await using var writer = await WriterUnderTest.StartAsync(Database);
        using var firstCaller = new CancellationTokenSource();
        var (hold, first) = await writer.HoldAStatementAsync(firstCaller.Token);
        await using var held = hold;
        using var caller = new CancellationTokenSource();
        var cancelled = Appends.Ticket("cancelled");
        var cancelledAppend = writer.Writer.AppendAsync(cancelled, caller.Token);
        var kept = writer.Writer.AppendAsync(Appends.Ticket("kept"));

        caller.Cancel();
        // The first append is in a statement already: cancelling it now must not report it unwritten.
        firstCaller.Cancel();

        Assert.True(cancelledAppend.IsCanceled);
        await hold.ReleaseAsync();
        await Task.WhenAll(first, kept);
        Assert.Empty(await writer.StoredAsync(cancelled));
        Assert.Equal([1, 1], await writer.StatementsAsync());
    }

    [Fact]
    public async Task An_append_with_a_cancelled_token_is_refused_at_once()
    {
        await using var writer = await WriterUnderTest.StartAsync(Database);
        var request = Appends.Ticket("too late");

        var append = writer.Writer.AppendAsync(request, new CancellationToken(canceled: true));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => append);
        await writer.Writer.AppendAsync(Appends.Ticket("next"));

        Assert.Empty(await writer.StoredAsync(request));
        Assert.Equal([1], await writer.StatementsAsync());
    }

    [Fact]
    public async Task Shutdown_drains_every_accepted_append_and_refuses_new_ones()
    {
        var writer = await WriterUnderTest.StartAsync(Database);
        await using (writer)
        {
            var (hold, first) = await writer.HoldAStatementAsync();
            await using var held = hold;
            var accepted = Appends.Tickets(30, "accepted").Select(a => writer.Writer.AppendAsync(a)).ToList();

            var shutdown = writer.Writer.DisposeAsync().AsTask();
            var late = Appends.Ticket("late");
            await Assert.ThrowsAsync<StorageUnavailableException>(() => writer.Writer.AppendAsync(late));
            Assert.False(shutdown.IsCompleted);

            await hold.ReleaseAsync();
            await shutdown;
            await Task.WhenAll(accepted.Append(first));
            Assert.Equal(31, (await writer.StoredStreamsAsync(Appends.Tenant)).Count);
            Assert.Empty(await writer.StoredAsync(late));
        }
    }
}
