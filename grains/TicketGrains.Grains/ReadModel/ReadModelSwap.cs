using Npgsql;

namespace TicketGrains.Grains.ReadModel;

/// <summary>
/// Puts the rebuilt table in place of tg_tickets within the caller's transaction: same owner, grants and index names,
/// so the migrations and the application roles find what they left. Readers see the old table or the new one, never none.
/// </summary>
internal static class ReadModelSwap
{
    private const string Fresh = FreshTicketTable.Name;

    private const string Owner = $"SELECT format('ALTER TABLE {Fresh} OWNER TO %I', pg_get_userbyid(relowner)) FROM pg_class WHERE oid = 'tg_tickets'::regclass";

    private const string Grants = $"""
        SELECT format('GRANT %s ON {Fresh} TO %s%s', a.privilege_type,
                      CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END,
                      CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END)
        FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
        WHERE c.oid = 'tg_tickets'::regclass AND a.grantee <> c.relowner
        """;

    // LIKE … INCLUDING ALL copied every index under a generated name; each is matched to the live one with its definition.
    private const string IndexRenames = $"""
        WITH live AS (
            SELECT c.relname, i.indisunique, i.indisprimary, substring(pg_get_indexdef(i.indexrelid) FROM ' USING .*$') AS definition
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'tg_tickets'::regclass
        ), fresh AS (
            SELECT c.relname, i.indisunique, i.indisprimary, substring(pg_get_indexdef(i.indexrelid) FROM ' USING .*$') AS definition
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = '{Fresh}'::regclass
        )
        SELECT CASE WHEN live.relname IS NULL OR fresh.relname IS NULL OR count(*) OVER (PARTITION BY live.relname) > 1
                         OR count(*) OVER (PARTITION BY fresh.relname) > 1 THEN ''
                    ELSE format('ALTER INDEX %I RENAME TO %I', fresh.relname, live.relname) END
        FROM live FULL JOIN fresh USING (indisunique, indisprimary, definition)
        """;

    private const string Triggers = "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'tg_tickets'::regclass AND NOT tgisinternal";

    /// <summary>Swaps the tables; returns the number of tickets in the new one.</summary>
    public static async Task<long> ReplaceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await RebuildSql.ExecuteAsync(connection, transaction, "LOCK TABLE tg_tickets IN ACCESS EXCLUSIVE MODE", cancellationToken);
        if (await RebuildSql.ScalarAsync<long>(connection, transaction, Triggers, cancellationToken) > 0)
        {
            throw new InvalidOperationException("tg_tickets has triggers, which a rebuild does not carry over; drop them or rebuild by hand.");
        }

        var renames = await RebuildSql.ColumnAsync(connection, transaction, IndexRenames, cancellationToken);
        if (renames.Contains(""))
        {
            throw new InvalidOperationException("The indexes of tg_tickets and of the rebuilt table do not match one to one.");
        }

        var statements = new List<string>(await RebuildSql.ColumnAsync(connection, transaction, Owner, cancellationToken));
        statements.AddRange(await RebuildSql.ColumnAsync(connection, transaction, Grants, cancellationToken));
        statements.Add("DROP TABLE tg_tickets");
        statements.Add($"ALTER TABLE {Fresh} RENAME TO tg_tickets");
        statements.AddRange(renames);
        foreach (var statement in statements)
        {
            await RebuildSql.ExecuteAsync(connection, transaction, statement, cancellationToken);
        }

        return await RebuildSql.ScalarAsync<long>(connection, transaction, "SELECT count(*) FROM tg_tickets", cancellationToken);
    }
}
