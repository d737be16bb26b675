using Npgsql;
using TicketGrains.Grains.Metering;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Metering;

/// <summary>The usage report's query on real PostgreSQL: periods with zeros, seats distinct per period, deliveries from the delivery log.</summary>
public sealed class UsageQueryTests : MigratedDatabaseTest
{
    private static readonly DateTimeOffset Midnight = new(2026, 11, 11, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Days_sum_their_hours_count_each_agent_once_and_list_days_without_usage()
    {
        await Database.ExecuteAsync("""
            INSERT INTO tg_usage_hours (tenant_id, hour, tickets, messages, automation_runs, storage_bytes) VALUES
                ('shop-a', $1, 10, 20, 3, 500), ('shop-a', $1 + interval '5 hours', 1, 2, 0, 0), ('shop-b', $1, 99, 99, 99, 99)
            """, Midnight);
        await Database.ExecuteAsync("""
            INSERT INTO tg_usage_seats (tenant_id, hour, agent_id) VALUES
                ('shop-a', $1, 'agent-1'), ('shop-a', $1 + interval '5 hours', 'agent-1'), ('shop-a', $1 + interval '5 hours', 'agent-2')
            """, Midnight);
        await Database.ExecuteAsync("""
            INSERT INTO tg_webhook_deliveries (tenant_id, webhook_id, position, message_id, event_type, ticket_id, payload, state, next_attempt_at, created_at, delivered_at)
            SELECT 'shop-a', gen_random_uuid(), p, 'msg_' || p, 'ticket.created', gen_random_uuid(), '{}', s, $1, $1, CASE WHEN s = 'delivered' THEN $1 + interval '1 hour' END
            FROM generate_series(1, 4) AS p, (VALUES ('delivered'), ('pending')) AS v(s)
            """, Midnight);
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);

        var days = await new UsageQuery(source).ReadAsync("shop-a", Midnight.AddHours(3), Midnight.AddDays(2), UsageGranularity.Day, CancellationToken.None);

        Assert.Equal([new UsagePeriod(Midnight, 11, 22, 2, 3, 4, 500), new UsagePeriod(Midnight.AddDays(1), 0, 0, 0, 0, 0, 0)], days);
    }

    [Fact]
    public async Task Hours_are_listed_from_the_hour_from_falls_in_up_to_to()
    {
        await Database.ExecuteAsync("INSERT INTO tg_usage_hours (tenant_id, hour, tickets) VALUES ('shop-a', $1, 4), ('shop-a', $1 + interval '2 hours', 9)", Midnight);
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);

        var hours = await new UsageQuery(source).ReadAsync("shop-a", Midnight.AddMinutes(30), Midnight.AddHours(2), UsageGranularity.Hour, CancellationToken.None);

        Assert.Equal([Midnight, Midnight.AddHours(1)], hours.Select(h => h.Start));
        Assert.Equal([4L, 0L], hours.Select(h => h.Tickets));
    }
}
