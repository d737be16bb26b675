using Npgsql;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Live;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Live;

/// <summary>The live feed's reads of the real event log.</summary>
public sealed class TicketChangeLogTests : MigratedDatabaseTest
{
    [Fact]
    public async Task A_catch_up_stops_below_a_transaction_still_in_flight_so_its_late_commit_is_not_skipped()
    {
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);
        var log = new TicketChangeLog(source);
        await using var slow = await source.OpenConnectionAsync();
        await using var fast = await source.OpenConnectionAsync();
        var (early, late, after) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var earlyKey = await LoggedTickets.CreateAsync(fast, early);
        await using var open = await slow.BeginTransactionAsync();
        var lateKey = await LoggedTickets.CreateAsync(slow, late, open);
        var afterKey = await LoggedTickets.CreateAsync(fast, after);

        var whileOpen = await log.ReadAfterAsync(LoggedTickets.Tenant, LogKey.Start, 10, CancellationToken.None);
        var headWhileOpen = await log.HeadAsync(LoggedTickets.Tenant, CancellationToken.None);
        await open.CommitAsync();
        var afterCommit = await log.ReadAfterAsync(LoggedTickets.Tenant, whileOpen[^1].Key, 10, CancellationToken.None);

        Assert.True(afterKey.Position > lateKey.Position, "The later transaction should have a later position too.");
        Assert.Equal([(earlyKey, early)], whileOpen.Cast<LoggedTicketChange>().Select(c => (c.Key, c.Change.TicketId)));
        Assert.Equal(earlyKey, headWhileOpen);
        Assert.Equal([(lateKey, late), (afterKey, after)], afterCommit.Cast<LoggedTicketChange>().Select(c => (c.Key, c.Change.TicketId)));
    }

    [Fact]
    public async Task The_previous_key_of_a_tenant_is_its_last_ticket_event_before_the_given_one()
    {
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);
        await using var connection = await source.OpenConnectionAsync();
        var first = await LoggedTickets.CreateAsync(connection, Guid.NewGuid());
        var second = await LoggedTickets.CreateAsync(connection, Guid.NewGuid());

        var previous = await new TicketChangeLog(source).PreviousKeysAsync(
            new Dictionary<string, LogKey> { [LoggedTickets.Tenant] = second, ["nobody"] = second }, CancellationToken.None);

        Assert.Equal(new Dictionary<string, LogKey> { [LoggedTickets.Tenant] = first, ["nobody"] = LogKey.Start }, previous);
    }
}
