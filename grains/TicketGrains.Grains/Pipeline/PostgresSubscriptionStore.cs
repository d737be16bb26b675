using Npgsql;
using NpgsqlTypes;

namespace TicketGrains.Grains.Pipeline;

/// <summary>Subscriber checkpoints in tg_subscriptions.</summary>
public sealed class PostgresSubscriptionStore(NpgsqlDataSource dataSource) : ISubscriptionStore
{
    /// <summary>Longer messages are cut: the column is for an operator's eye, not for stack traces.</summary>
    internal const int MaxErrorLength = 2000;

    // A successor starts at its predecessor's checkpoint when there is one. "Now" is the oldest running transaction:
    // everything below it is history and skipped, everything from it on is delivered (including a few events that
    // committed just before, which at-least-once delivery allows).
    private const string OpenSql = """
        INSERT INTO tg_subscriptions (name, tx_id, position)
        SELECT @name,
               coalesce(p.tx_id, CASE WHEN @now THEN pg_snapshot_xmin(pg_current_snapshot()) ELSE '0'::xid8 END),
               coalesce(p.position, 0)
        FROM (SELECT 1) AS one LEFT JOIN tg_subscriptions p ON p.name = @predecessor
        ON CONFLICT (name) DO NOTHING
        """;

    // The successor's row, if it has none, at this subscriber's checkpoint as stored before its first page here.
    private const string HandOverSql = """
        INSERT INTO tg_subscriptions (name, tx_id, position)
        SELECT @successor, tx_id, position FROM tg_subscriptions WHERE name = @name
        ON CONFLICT (name) DO NOTHING
        """;

    private const string ReadSql = "SELECT tx_id, position FROM tg_subscriptions WHERE name = @name";

    // The guard keeps a checkpoint from moving back should two activations of a subscriber ever overlap; saving the
    // same checkpoint again is allowed, which is how a recovered subscriber with nothing new clears its failures.
    private const string SaveSql = """
        UPDATE tg_subscriptions SET tx_id = @tx, position = @position, updated_at = now(), attempts = 0
        WHERE name = @name AND (tx_id, position) <= (@tx, @position)
        """;

    private const string FailureSql = """
        UPDATE tg_subscriptions SET attempts = @attempts, last_error = @error, last_error_at = now() WHERE name = @name
        """;

    public async Task<Checkpoint> OpenAsync(string name, SubscriberStart start, string? takesOverFrom, string? handsOverTo, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var open = new NpgsqlCommand(OpenSql, connection))
        {
            open.Parameters.Add(new NpgsqlParameter<string>("name", name));
            open.Parameters.Add(new NpgsqlParameter<bool>("now", start == SubscriberStart.Now));
            open.Parameters.Add(new NpgsqlParameter("predecessor", NpgsqlDbType.Text) { Value = (object?)takesOverFrom ?? DBNull.Value });
            await open.ExecuteNonQueryAsync(cancellationToken);
        }

        if (handsOverTo is not null)
        {
            await using var handOver = new NpgsqlCommand(HandOverSql, connection);
            handOver.Parameters.Add(new NpgsqlParameter<string>("successor", handsOverTo));
            handOver.Parameters.Add(new NpgsqlParameter<string>("name", name));
            await handOver.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var read = new NpgsqlCommand(ReadSql, connection);
        read.Parameters.Add(new NpgsqlParameter<string>("name", name));
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Checkpoint(reader.GetFieldValue<ulong>(0), reader.GetInt64(1));
    }

    public async Task SaveAsync(string name, Checkpoint reached, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(SaveSql);
        command.Parameters.Add(new NpgsqlParameter<string>("name", name));
        command.Parameters.Add(new NpgsqlParameter<ulong>("tx", NpgsqlDbType.Xid8) { TypedValue = reached.TransactionId });
        command.Parameters.Add(new NpgsqlParameter<long>("position", reached.Position));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RecordFailureAsync(string name, int attempts, string error, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(FailureSql);
        command.Parameters.Add(new NpgsqlParameter<string>("name", name));
        command.Parameters.Add(new NpgsqlParameter<int>("attempts", attempts));
        command.Parameters.Add(new NpgsqlParameter<string>("error", error.Length > MaxErrorLength ? error[..MaxErrorLength] : error));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
