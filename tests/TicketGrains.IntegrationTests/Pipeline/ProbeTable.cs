using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Pipeline;

/// <summary>Reads what the test probe subscriber (Pipeline:TestProbe) wrote: its effect, one row per position.</summary>
internal static class ProbeTable
{
    /// <summary>
    /// Creates the probe's table as the database's owner and lets the application role write it: the probe is switched
    /// on by tests only, so its table is not in the product's schema, and the silos' role may not create tables.
    /// </summary>
    public static async Task CreateAsync(TestDatabase database)
    {
        await database.ExecuteAsync("""
            CREATE TABLE tg_test_probe (
                position      bigint  PRIMARY KEY,
                stream_id     text    NOT NULL,
                version       integer NOT NULL,
                process_id    integer NOT NULL,
                handled_order bigint  GENERATED ALWAYS AS IDENTITY,
                deliveries    integer NOT NULL DEFAULT 1)
            """);
        await database.ExecuteAsync($"GRANT SELECT, INSERT, UPDATE ON tg_test_probe TO {TestSettings.ApplicationRole}");
    }

    /// <summary>Rows the probe wrote.</summary>
    public static async Task<long> CountAsync(TestDatabase database) =>
        (await database.ColumnAsync<long>("SELECT count(*) FROM tg_test_probe")).Single();

    public static Task<List<long>> PositionsAsync(TestDatabase database) =>
        database.ColumnAsync<long>("SELECT position FROM tg_test_probe ORDER BY position");

    public static Task<List<long>> LogPositionsAsync(TestDatabase database) =>
        database.ColumnAsync<long>("SELECT position FROM tg_events ORDER BY position");

    /// <summary>Positions delivered more than once (the effect still happened once: one row each).</summary>
    public static Task<List<long>> RedeliveredAsync(TestDatabase database) =>
        database.ColumnAsync<long>("SELECT position FROM tg_test_probe WHERE deliveries > 1 ORDER BY position");

    /// <summary>Streams whose events were first handled out of version order (there should be none).</summary>
    public static Task<List<string>> StreamsOutOfOrderAsync(TestDatabase database) =>
        database.ColumnAsync<string>("""
            SELECT DISTINCT stream_id FROM (
                SELECT stream_id, version, lag(version) OVER (PARTITION BY stream_id ORDER BY handled_order) AS previous
                FROM tg_test_probe) v
            WHERE previous IS NOT NULL AND version <> previous + 1
            """);
}
