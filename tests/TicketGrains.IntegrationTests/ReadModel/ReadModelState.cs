using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.ReadModel;

/// <summary>What a table of tickets holds and how it is defined, read raw, for comparing a rebuilt read model with the live one.</summary>
internal static class ReadModelState
{
    /// <summary>Every column of every row (as JSON, timestamps to the microsecond), in key order.</summary>
    public static Task<List<string>> RowsAsync(TestDatabase database, string table = "tg_tickets") =>
        database.ColumnAsync<string>($"SELECT row_to_json(t)::text FROM {table} t ORDER BY tenant_id, ticket_id");

    /// <summary>Columns, constraints, indexes (names and definitions), owner and grants of tg_tickets.</summary>
    public static Task<List<string>> DefinitionAsync(TestDatabase database) => database.ColumnAsync<string>(
        """
        SELECT 'column ' || attname || ' ' || format_type(atttypid, atttypmod) || CASE WHEN attnotnull THEN ' not null' ELSE '' END
        FROM pg_attribute WHERE attrelid = 'tg_tickets'::regclass AND attnum > 0 AND NOT attisdropped
        UNION ALL SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'tg_tickets'::regclass
        UNION ALL SELECT 'index ' || c.relname || ' ' || pg_get_indexdef(i.indexrelid)
                  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'tg_tickets'::regclass
        UNION ALL SELECT 'owner ' || pg_get_userbyid(relowner) || ' grants ' || coalesce(relacl::text, 'default') FROM pg_class WHERE oid = 'tg_tickets'::regclass
        ORDER BY 1
        """);

    public static async Task<long> TableIdAsync(TestDatabase database) =>
        (await database.ColumnAsync<long>("SELECT 'tg_tickets'::regclass::oid::bigint")).Single();
}
