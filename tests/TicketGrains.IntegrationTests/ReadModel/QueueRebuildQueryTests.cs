using Npgsql;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Grains.ReadModel;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.ReadModel;

/// <summary>The queries behind a queue's rebuild and an agent's listing, on a real PostgreSQL.</summary>
public sealed class QueueRebuildQueryTests : MigratedDatabaseTest
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 11, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_rebuild_cut_by_its_limit_gets_the_most_urgent_waiting_tickets_in_queue_order()
    {
        var tenant = TicketRequests.NewTenant();
        // Oldest first: three normal, then low, high and urgent ones arriving later; one assigned, one of another queue.
        var oldNormal = await InsertAsync(tenant, "normal", 0);
        await InsertAsync(tenant, "normal", 1);
        await InsertAsync(tenant, "low", 2);
        var high = await InsertAsync(tenant, "high", 3);
        var urgent = await InsertAsync(tenant, "urgent", 4);
        await InsertAsync(tenant, "urgent", 5, assignee: "ann");
        await InsertAsync(tenant, "urgent", 6, queue: "vip");
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);

        var rebuilt = await new PostgresTicketReadModel(source).WaitingInQueueAsync(tenant, "general", 3);

        Assert.Equal([urgent, high, oldNormal], rebuilt.Select(t => t.TicketId));
        Assert.Equal([3, 2, 1], rebuilt.Select(t => t.PriorityRank));
    }

    [Fact]
    public async Task The_assignee_filter_lists_exactly_that_agents_tickets()
    {
        var tenant = TicketRequests.NewTenant();
        var first = await InsertAsync(tenant, "normal", 0, assignee: "ann");
        await InsertAsync(tenant, "normal", 1, assignee: "anna");
        await InsertAsync(tenant, "normal", 2);
        var second = await InsertAsync(tenant, "high", 3, assignee: "ann");
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);

        var page = await new PostgresTicketReadModel(source).ListAsync(new TicketQuery(tenant, null, null, null, null, null, 10, Assignee: "ann"));

        Assert.Equal([first, second], page.Items.Select(i => i.Row.TicketId));
    }

    private async Task<Guid> InsertAsync(string tenant, string priority, int minute, string? assignee = null, string queue = "general")
    {
        var id = Guid.NewGuid();
        var at = Noon.AddMinutes(minute).UtcDateTime;
        await Database.ExecuteAsync(
            """
            INSERT INTO tg_tickets (tenant_id, ticket_id, version, status, category, priority, queue, customer_id, assignee, channel, subject,
                                    created_at, updated_at)
            VALUES ($1, $2, 1, $3, 'order', $4, $5, $6, $7, 'web', 'x', $8, $8)
            """,
            tenant, id, assignee is null ? TicketStatus.New : TicketStatus.Open, priority, queue, Guid.NewGuid(), (object?)assignee ?? DBNull.Value, at);
        return id;
    }
}
