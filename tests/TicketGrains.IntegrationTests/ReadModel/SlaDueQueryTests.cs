using Npgsql;
using TicketGrains.Grains.ReadModel;
using TicketGrains.Grains.Sla;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.ReadModel;

/// <summary>The SLA sweep's query on a real PostgreSQL: pages in (deadline, id) order and continues after a position.</summary>
public sealed class SlaDueQueryTests : MigratedDatabaseTest
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 11, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Pages_cover_every_due_ticket_once_even_when_deadlines_tie()
    {
        var tenant = TicketRequests.NewTenant();
        // Ten tickets share one deadline, so a page boundary falls inside the tie; two are not due; one has no deadline.
        var due = new List<(DateTimeOffset Due, Guid Id)>();
        for (var i = 0; i < 10; i++)
        {
            due.Add((Noon, Guid.NewGuid()));
        }

        for (var i = 1; i <= 5; i++)
        {
            due.Add((Noon.AddMinutes(i), Guid.NewGuid()));
        }

        foreach (var (at, id) in due)
        {
            await InsertAsync(tenant, id, at);
        }

        await InsertAsync(tenant, Guid.NewGuid(), Noon.AddHours(2));
        await InsertAsync(tenant, Guid.NewGuid(), Noon.AddHours(3));
        await InsertAsync(tenant, Guid.NewGuid(), null);
        await InsertAsync(TicketRequests.NewTenant(), Guid.NewGuid(), Noon);

        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);
        var readModel = new PostgresTicketReadModel(source);
        var seen = new List<SlaDue>();
        SlaDue? after = null;
        for (var page = 0; page < 10; page++)
        {
            var items = await readModel.SlaDueAsync(tenant, Noon.AddHours(1), after, 4);
            seen.AddRange(items);
            if (items.Count < 4)
            {
                break;
            }

            after = items[^1];
        }

        Assert.Equal(due.Count, seen.Count);
        Assert.Equal(due.Select(d => d.Id).Order(), seen.Select(s => s.TicketId).Order());
        Assert.Equal(seen.Select(s => s.Due).Order(), seen.Select(s => s.Due));
        Assert.Equal(due.Select(d => d.Due).Order(), seen.Select(s => s.Due));
    }

    private Task InsertAsync(string tenant, Guid id, DateTimeOffset? slaDue) => Database.ExecuteAsync(
        """
        INSERT INTO tg_tickets (tenant_id, ticket_id, version, status, category, priority, queue, customer_id, channel, subject,
                                created_at, updated_at, sla_due_at)
        VALUES ($1, $2, 1, 'new', 'order', 'normal', 'general', $3, 'web', 'x', $4, $4, $5)
        """,
        tenant, id, Guid.NewGuid(), Noon.AddDays(-1).UtcDateTime, slaDue is { } due ? due.UtcDateTime : DBNull.Value);
}
