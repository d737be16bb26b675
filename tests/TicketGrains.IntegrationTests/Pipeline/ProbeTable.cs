using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Pipeline;

/// <summary>Reads what the test probe subscriber (Pipeline:TestProbe) wrote: its effect, one row per position.</summary>
internal static class ProbeTable
{
    /// <summary>Rows the probe wrote (0 before it first ran and created its table).</summary>
    public static async Task<long> CountAsync(TestDatabase database)
    {
        // A statement naming a missing table fails even in a branch it would not run, so ask first.
        var exists = (await database.ColumnAsync<bool>("SELECT to_regclass('tg_test_probe') IS NOT NULL")).Single();
        return exists ? (await database.ColumnAsync<long>("SELECT count(*) FROM tg_test_probe")).Single() : 0;
    }

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
