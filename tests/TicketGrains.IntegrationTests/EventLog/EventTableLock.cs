using Npgsql;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.EventLog;

/// <summary>
/// Holds the group-commit writer's next statement at the door: a SHARE lock on tg_events, which its insert waits for.
/// Whatever is appended meanwhile queues in the writer, so a test decides exactly what one statement will carry.
/// </summary>
internal sealed class EventTableLock : IAsyncDisposable
{
    private static readonly TimeSpan WaitDeadline = TimeSpan.FromSeconds(30);

    private readonly NpgsqlConnection _connection;
    private NpgsqlTransaction? _transaction;

    private EventTableLock(NpgsqlConnection connection, NpgsqlTransaction transaction) => (_connection, _transaction) = (connection, transaction);

    public static async Task<EventTableLock> TakeAsync(TestDatabase database)
    {
        var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("LOCK TABLE tg_events IN SHARE MODE", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return new EventTableLock(connection, transaction);
    }

    /// <summary>Until one of the writer's statements waits for this lock: the appends it carries have left the queue.</summary>
    public Task WaitForAStatementAsync(TestDatabase database) => Poll.UntilAsync("a writer statement waiting for the lock on tg_events", WaitDeadline,
        async () => (await database.ColumnAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' " +
            "AND query LIKE '%INSERT INTO tg_events%'")).Single() > 0);

    public async Task ReleaseAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.RollbackAsync();
            await _transaction.DisposeAsync();
            _transaction = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync();
        await _connection.DisposeAsync();
    }
}
