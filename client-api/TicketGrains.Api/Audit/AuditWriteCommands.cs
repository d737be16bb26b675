using Npgsql;
using NpgsqlTypes;

namespace TicketGrains.Api.Audit;

/// <summary>The statements the audit writer sends: read and lock the chain heads, insert entries, move the heads.</summary>
internal static class AuditWriteCommands
{
    /// <summary>Creates missing heads at the genesis, then reads and locks each tenant's head in name order.</summary>
    public static NpgsqlBatch LockHeads(NpgsqlConnection connection, string[] tenants) => new(connection)
    {
        BatchCommands =
        {
            new NpgsqlBatchCommand("INSERT INTO tg_audit_heads (tenant_id, seq, hash) SELECT t, 0, $2 FROM unnest($1::text[]) AS t ON CONFLICT DO NOTHING")
            {
                Parameters = { new() { Value = tenants }, new() { Value = AuditChain.Genesis } },
            },
            LockExistingHeads(tenants),
        },
    };

    /// <summary>Reads and locks heads that exist, in name order; ORDER BY is applied before FOR UPDATE, so every writer locks alike.</summary>
    public static NpgsqlBatchCommand LockExistingHeads(string[] tenants) =>
        new("SELECT tenant_id, seq, hash FROM tg_audit_heads WHERE tenant_id = ANY($1) ORDER BY tenant_id FOR UPDATE")
        {
            Parameters = { new() { Value = tenants } },
        };

    public static NpgsqlBatchCommand Insert(List<AuditEntry> entries) => new("""
        INSERT INTO tg_audit_log (tenant_id, seq, at, actor, action, target, client_address, detail, prev_hash, hash)
        SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bytea[], $10::bytea[])
        """)
    {
        Parameters =
        {
            new() { Value = entries.Select(e => e.Event.Tenant).ToArray() },
            new() { Value = entries.Select(e => e.Sequence).ToArray() },
            new() { Value = entries.Select(e => e.Event.At).ToArray() },
            new() { Value = entries.Select(e => e.Event.Actor).ToArray() },
            new() { Value = entries.Select(e => e.Event.Action).ToArray() },
            new() { Value = entries.Select(e => e.Event.Target).ToArray() },
            new() { Value = entries.Select(e => e.Event.ClientAddress).ToArray() },
            new() { Value = entries.Select(e => e.Event.Detail).ToArray() },
            new() { Value = entries.Select(e => e.PreviousHash).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea },
            new() { Value = entries.Select(e => e.Hash).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea },
        },
    };

    public static NpgsqlBatchCommand MoveHeads(IReadOnlyDictionary<string, ChainHead> heads) => new("""
        UPDATE tg_audit_heads h SET seq = u.seq, hash = u.hash
        FROM unnest($1::text[], $2::bigint[], $3::bytea[]) AS u(tenant_id, seq, hash) WHERE h.tenant_id = u.tenant_id
        """)
    {
        Parameters =
        {
            new() { Value = heads.Keys.ToArray() },
            new() { Value = heads.Values.Select(h => h.Sequence).ToArray() },
            new() { Value = heads.Values.Select(h => h.Hash).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea },
        },
    };
}

/// <summary>The last entry of a tenant's chain: its sequence and hash.</summary>
internal readonly record struct ChainHead(long Sequence, byte[] Hash);
