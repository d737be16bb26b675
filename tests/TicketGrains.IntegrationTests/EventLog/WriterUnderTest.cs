using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using TicketGrains.Grains.EventLog;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.EventLog;

/// <summary>
/// A GroupCommitWriter on the test database, with one writer loop so batches are predictable, and a statement-level
/// trigger on tg_events that records how many events each statement inserted: the proof of what went in together.
/// </summary>
internal sealed class WriterUnderTest : IAsyncDisposable
{
    private const string StatementLog = """
        CREATE TABLE test_statements (id serial PRIMARY KEY, events integer NOT NULL);
        -- Security definer: the writer connects as the application role, which may not write this test table.
        CREATE FUNCTION test_log_statement() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
        BEGIN
            INSERT INTO test_statements (events) SELECT count(*) FROM new_events;
            RETURN NULL;
        END $$;
        CREATE TRIGGER test_log_statement AFTER INSERT ON tg_events REFERENCING NEW TABLE AS new_events
            FOR EACH STATEMENT EXECUTE FUNCTION test_log_statement();
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TestDatabase _database;

    private WriterUnderTest(TestDatabase database, NpgsqlDataSource dataSource, GroupCommitWriter writer) =>
        (_database, _dataSource, Writer) = (database, dataSource, writer);

    public GroupCommitWriter Writer { get; }

    /// <summary>The log as a silo has it: reads on this data source, appends through <see cref="Writer"/>.</summary>
    public IEventLog Log => new PostgresEventLog(_dataSource, Writer);

    public static async Task<WriterUnderTest> StartAsync(TestDatabase database, int maxBatch = 1000)
    {
        await database.ExecuteAsync(StatementLog);
        var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var options = Options.Create(new EventLogOptions { Writers = 1, MaxBatch = maxBatch });
        var writer = new GroupCommitWriter(
            dataSource, new SchemaHealth(dataSource, NullLogger<SchemaHealth>.Instance), options,
            new EventLogMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>()),
            NullLogger<GroupCommitWriter>.Instance);
        return new WriterUnderTest(database, dataSource, writer);
    }

    /// <summary>
    /// Appends one event and holds its statement at a lock on tg_events until the hold is released: whatever is appended
    /// meanwhile queues for the statement after it. Returns the hold and the first append.
    /// </summary>
    public async Task<(EventTableLock Hold, Task First)> HoldAStatementAsync(CancellationToken firstCaller = default)
    {
        var hold = await EventTableLock.TakeAsync(_database);
        var first = Writer.AppendAsync(Appends.Ticket("first"), firstCaller);
        await hold.WaitForAStatementAsync(_database);
        return (hold, first);
    }

    /// <summary>Events inserted by each statement that reached tg_events, in order.</summary>
    public Task<List<int>> StatementsAsync() => _database.ColumnAsync<int>("SELECT events FROM test_statements ORDER BY id");

    /// <summary>The stored JSON of each event of the stream, by version.</summary>
    public Task<List<string>> StoredAsync(AppendRequest request) => _database.ColumnAsync<string>(
        "SELECT data::text FROM tg_events WHERE tenant_id = $1 AND stream_id = $2 ORDER BY version", request.TenantId, request.StreamId);

    public async Task<List<string>> StoredStreamsAsync(string tenant) =>
        await _database.ColumnAsync<string>("SELECT stream_id FROM tg_events WHERE tenant_id = $1 ORDER BY position", tenant);

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        await _dataSource.DisposeAsync();
    }
}
