using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TicketGrains.Api.Audit;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Audit;

/// <summary>The group-commit audit writer on a real PostgreSQL: concurrent writers, as in several processes, share each tenant's chain.</summary>
public sealed class AuditWriterTests : MigratedDatabaseTest
{
    [Fact]
    public async Task Two_writers_extend_each_tenants_chain_without_gaps_or_forks()
    {
        const int perTenant = 300;
        string[] tenants = [TicketRequests.NewTenant(), TicketRequests.NewTenant()];
        await using var first = NpgsqlDataSource.Create(Database.ConnectionString);
        await using var second = NpgsqlDataSource.Create(Database.ConnectionString);
        await using var a = new AuditWriter(first, NullLogger<AuditWriter>.Instance);
        await using var b = new AuditWriter(second, NullLogger<AuditWriter>.Instance);

        var writes = Enumerable.Range(0, perTenant * 2).Select(i => (i % 3 == 0 ? a : b).RecordAsync(
            new AuditEvent(tenants[i % 2], DateTimeOffset.UtcNow, $"actor-{i}", AuditActions.ReadUnmasked, $"ticket:{i}", "10.0.0.1", "")));
        await Task.WhenAll(writes);

        var store = new AuditStore(first);
        foreach (var tenant in tenants)
        {
            Assert.Equal(new AuditVerification(true, perTenant, perTenant, null), await store.VerifyAsync(tenant, CancellationToken.None));
            var targets = await Database.ColumnAsync<string>("SELECT target FROM tg_audit_log WHERE tenant_id = $1 ORDER BY seq", tenant);
            Assert.Equal(perTenant, targets.Distinct().Count());
        }
    }

    [Fact]
    public async Task A_writer_whose_known_head_was_moved_by_another_rereads_it_and_continues_the_chain()
    {
        var tenant = TicketRequests.NewTenant();
        await using var first = NpgsqlDataSource.Create(Database.ConnectionString);
        await using var second = NpgsqlDataSource.Create(Database.ConnectionString);
        await using var a = new AuditWriter(first, NullLogger<AuditWriter>.Instance);
        await using var b = new AuditWriter(second, NullLogger<AuditWriter>.Instance);

        // One at a time, alternating: from the third write on, each writer's last known head is one entry behind.
        for (var i = 0; i < 6; i++)
        {
            await (i % 2 == 0 ? a : b).RecordAsync(
                new AuditEvent(tenant, DateTimeOffset.UtcNow, $"actor-{i}", AuditActions.Export, $"write:{i}", "10.0.0.1", ""));
        }

        Assert.Equal(new AuditVerification(true, 6, 6, null), await new AuditStore(first).VerifyAsync(tenant, CancellationToken.None));
        var targets = await Database.ColumnAsync<string>("SELECT target FROM tg_audit_log WHERE tenant_id = $1 ORDER BY seq", tenant);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"write:{i}"), targets);
    }

    [Fact]
    public async Task A_write_that_cannot_commit_fails_its_caller()
    {
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);
        await using var writer = new AuditWriter(source, NullLogger<AuditWriter>.Instance);
        var tenant = TicketRequests.NewTenant();
        await Database.ExecuteAsync("ALTER TABLE tg_audit_log ADD CONSTRAINT tg_test_refuse CHECK (actor <> 'refused')");
        try
        {
            await Assert.ThrowsAsync<TicketGrains.Abstractions.Errors.StorageUnavailableException>(() =>
                writer.RecordAsync(new AuditEvent(tenant, DateTimeOffset.UtcNow, "refused", AuditActions.Export, "tickets", "10.0.0.1", "")));
            await writer.RecordAsync(new AuditEvent(tenant, DateTimeOffset.UtcNow, "accepted", AuditActions.Export, "tickets", "10.0.0.1", ""));
        }
        finally
        {
            await Database.ExecuteAsync("ALTER TABLE tg_audit_log DROP CONSTRAINT tg_test_refuse");
        }

        Assert.Equal(new AuditVerification(true, 1, 1, null), await new AuditStore(source).VerifyAsync(tenant, CancellationToken.None));
    }
}
