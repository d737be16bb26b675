using Npgsql;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.ReadModel;
using TicketGrains.IntegrationTests.EventLog;
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
    public async Task A_rebuild_gets_each_tickets_tier_skills_and_skipped_agents_as_its_last_append_left_them()
    {
        await using var writer = await WriterUnderTest.StartAsync(Database);
        var vip = Guid.NewGuid();
        var plain = Guid.NewGuid();
        var at = Noon;
        TicketRow Row(Guid id, string? tier, string[] skills, string[] skipped) => new(
            id, TicketStatus.New, "refund", "normal", "general", Guid.NewGuid(), null, "wechat", "x", at, at, null, null, tier,
            TicketRow.Names(skills), TicketRow.Names(skipped));

        await writer.Writer.AppendAsync(Append(vip, 1, Row(vip, "vip", ["refund"], [])));
        // The second append (a declined offer, a re-route) replaces the lists: the row is what the ticket is now.
        await writer.Writer.AppendAsync(Append(vip, 2, Row(vip, "vip", ["refund", "zh-CN"], ["ann", "bob.li@shop"])));
        await writer.Writer.AppendAsync(Append(plain, 1, Row(plain, null, [], [])));
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);

        var rebuilt = (await new PostgresTicketReadModel(source).WaitingInQueueAsync(Appends.Tenant, "general", 10)).ToDictionary(t => t.TicketId);

        Assert.Equal((3, 2), (rebuilt[vip].TierRank, rebuilt[vip].Version));
        Assert.Equal(["refund", "zh-CN"], rebuilt[vip].Skills);
        Assert.Equal(["ann", "bob.li@shop"], rebuilt[vip].SkippedAgents);
        Assert.Equal((0, "wechat"), (rebuilt[plain].TierRank, rebuilt[plain].Channel));
        Assert.Empty(rebuilt[plain].Skills);
        Assert.Empty(rebuilt[plain].SkippedAgents);
    }

    [Fact]
    public async Task A_queue_of_a_tenant_the_statistics_have_not_seen_is_read_through_the_waiting_index()
    {
        // A busy tenant the statistics know: mostly solved tickets, a tenth waiting (all in "general").
        var known = TicketRequests.NewTenant();
        await Database.ExecuteAsync(
            """
            INSERT INTO tg_tickets (tenant_id, ticket_id, version, status, category, priority, queue, customer_id, assignee, channel, subject,
                                    created_at, updated_at)
            SELECT $1, gen_random_uuid(), 3, CASE WHEN i % 10 = 0 THEN 'new' ELSE 'solved' END, 'order', 'normal',
                   CASE WHEN i % 2 = 0 THEN 'general' ELSE 'vip' END, gen_random_uuid(), CASE WHEN i % 10 = 0 THEN NULL ELSE 'ann' END,
                   'web', 'x', $2::timestamptz + i * interval '1 second', $2::timestamptz + i * interval '1 second'
            FROM generate_series(1, 20000) AS i
            """,
            known, Noon.UtcDateTime);
        await Database.ExecuteAsync("ANALYZE tg_tickets");
        var fresh = TicketRequests.NewTenant();
        await InsertAsync(fresh, "normal", 0, queue: "vip");

        var plan = string.Join('\n', await Database.ColumnAsync<string>("EXPLAIN " + PostgresTicketReadModel.WaitingInQueueSql, fresh, "general", 10_000));

        // Not a walk over every ticket of the tenant with the queue, status and assignee tested row by row.
        Assert.Contains("tg_tickets_waiting", plan);
        Assert.Contains("(queue = 'general'::text)", plan);
        Assert.DoesNotContain("Filter", plan);
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);
        Assert.Empty(await new PostgresTicketReadModel(source).WaitingInQueueAsync(fresh, "general", 10_000));
        Assert.Equal(2000, (await new PostgresTicketReadModel(source).WaitingInQueueAsync(known, "general", 10_000)).Count);
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

    private static AppendRequest Append(Guid ticket, int version, TicketRow row) =>
        new(Appends.Tenant, StreamIds.Ticket(ticket), version, "TicketCreated", $$"""{"version": {{version}}}""", row);

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
