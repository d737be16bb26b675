using Microsoft.AspNetCore.Http;
using Npgsql;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Api.Live;
using TicketGrains.Grains.Live;
using TicketGrains.IntegrationTests.Api;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Live;

/// <summary>
/// One listener's feed against the real event log: whatever the live stream loses or the listener cannot hold is read
/// from tg_events, and nothing is written twice.
/// </summary>
public sealed class FeedSessionTests : MigratedDatabaseTest
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_batch_lost_on_the_way_is_read_from_the_log()
    {
        await using var connection = await OpenAsync();
        var (tickets, keys) = await CreateAsync(connection, 3);

        var buffer = new FeedBuffer(100);
        buffer.Offer(LoggedTickets.Batch(keys[1], (keys[2], tickets[2])));

        Assert.Equal([tickets[1], tickets[2]], await RunAsync(buffer, keys[0]));
    }

    [Fact]
    public async Task A_listener_past_its_bound_reads_what_it_could_not_hold_from_the_log()
    {
        await using var connection = await OpenAsync();
        var (tickets, keys) = await CreateAsync(connection, 4);

        var buffer = new FeedBuffer(2);
        buffer.Offer(LoggedTickets.Batch(keys[0], (keys[1], tickets[1])));
        buffer.Offer(LoggedTickets.Batch(keys[1], (keys[2], tickets[2]), (keys[3], tickets[3])));

        Assert.Equal([tickets[1], tickets[2], tickets[3]], await RunAsync(buffer, keys[0]));
    }

    [Fact]
    public async Task Live_changes_the_catch_up_already_sent_are_not_sent_again()
    {
        await using var connection = await OpenAsync();
        var (tickets, keys) = await CreateAsync(connection, 3);

        var buffer = new FeedBuffer(100);
        buffer.Offer(LoggedTickets.Batch(LogKey.Start, (keys[0], tickets[0]), (keys[1], tickets[1])));
        buffer.Offer(LoggedTickets.Batch(keys[1], (keys[2], tickets[2])));
        var late = Guid.NewGuid();
        var lateKey = await LoggedTickets.CreateAsync(connection, late);
        buffer.Offer(LoggedTickets.Batch(keys[2], (lateKey, late)));

        Assert.Equal([.. tickets, late], await RunAsync(buffer, LogKey.Start));
    }

    /// <summary>Runs a session from <paramref name="sent"/> over everything offered to <paramref name="buffer"/>; returns what it wrote.</summary>
    private async Task<List<Guid>> RunAsync(FeedBuffer buffer, LogKey sent)
    {
        buffer.Complete();
        var written = new MemoryStream();
        var context = new DefaultHttpContext();
        context.Response.Body = written;
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);
        var options = new LiveFeedOptions { CatchUpPage = 2 };
        var session = new FeedSession(context.Response, LoggedTickets.Tenant, new FeedAudience(true, true), new TicketChangeLog(source), buffer, new FeedSequencer(sent), options);
        using var deadline = new CancellationTokenSource(Deadline);

        await session.RunAsync(deadline.Token);

        written.Position = 0;
        using var feed = EventFeed.Over(new StreamReader(written));
        var changes = new List<Guid>();
        while (await feed.NextAsync(deadline.Token) is { } item)
        {
            Assert.Equal("ticket.changed", item.Event);
            changes.Add(item.Change.Ticket);
        }

        return changes;
    }

    private static async Task<(List<Guid> Tickets, List<LogKey> Keys)> CreateAsync(NpgsqlConnection connection, int count)
    {
        var tickets = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();
        var keys = new List<LogKey>();
        foreach (var ticket in tickets)
        {
            keys.Add(await LoggedTickets.CreateAsync(connection, ticket));
        }

        return (tickets, keys);
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
