using System.Data;
using Npgsql;
using TicketGrains.Api.Security;

namespace TicketGrains.Api.Audit;

/// <summary>Reads of the audit log: keyset pages, and the whole chain of a tenant for verification.</summary>
public sealed class AuditStore(NpgsqlDataSource database)
{
    private const string Columns = "tenant_id, seq, at, actor, action, target, client_address, detail, prev_hash, hash";

    public Task<List<AuditEntry>> PageAsync(AuditQuery query, CancellationToken cancellationToken) =>
        StoreCalls.RunAsync(() => ReadPageAsync(query, cancellationToken));

    public Task<AuditVerification> VerifyAsync(string tenant, CancellationToken cancellationToken) =>
        StoreCalls.RunAsync(() => RecomputeAsync(tenant, cancellationToken));

    private async Task<List<AuditEntry>> ReadPageAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"""
            SELECT {Columns} FROM tg_audit_log
            WHERE tenant_id = $1 AND seq > $2 AND ($3::text IS NULL OR action = $3) AND ($4::text IS NULL OR target = $4)
            ORDER BY seq LIMIT $5
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = query.Tenant });
        command.Parameters.Add(new NpgsqlParameter { Value = query.After });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Action ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Target ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = query.Limit });
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(Read(reader));
        }

        return entries;
    }

    /// <summary>Reads the head and the chain in one snapshot, so entries committed meanwhile cannot look inserted or removed.</summary>
    private async Task<AuditVerification> RecomputeAsync(string tenant, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        long? headSequence = null;
        byte[]? headHash = null;
        await using (var head = new NpgsqlCommand("SELECT seq, hash FROM tg_audit_heads WHERE tenant_id = $1", connection, transaction))
        {
            head.Parameters.Add(new NpgsqlParameter { Value = tenant });
            await using var reader = await head.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                (headSequence, headHash) = (reader.GetInt64(0), reader.GetFieldValue<byte[]>(1));
            }
        }

        var verifier = new AuditChainVerifier();
        await using var chain = new NpgsqlCommand($"SELECT {Columns} FROM tg_audit_log WHERE tenant_id = $1 ORDER BY seq", connection, transaction);
        chain.Parameters.Add(new NpgsqlParameter { Value = tenant });
        await using (var reader = await chain.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (verifier.Next(Read(reader)) is { } problem)
                {
                    return new AuditVerification(false, verifier.Checked, headSequence ?? 0, problem);
                }
            }
        }

        var end = verifier.Finish(headSequence, headHash);
        return new AuditVerification(end is null, verifier.Checked, headSequence ?? 0, end);
    }

    private static AuditEntry Read(NpgsqlDataReader r) => new(
        r.GetInt64(1),
        new AuditEvent(r.GetString(0), r.GetFieldValue<DateTimeOffset>(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7)),
        r.GetFieldValue<byte[]>(8),
        r.GetFieldValue<byte[]>(9));
}
