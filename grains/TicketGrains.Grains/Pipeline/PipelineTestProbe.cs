using Npgsql;
using NpgsqlTypes;

namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// TEST ONLY, registered when Pipeline:TestProbe=true: a subscriber whose effect can be checked from outside the
/// process. It writes one row per position into tg_test_probe (created here, not by the product's schema), with the
/// process that handled it, the order rows were first handled in, and how many times the position was delivered.
/// The unique key on position makes the effect exactly-once however often a page is delivered again.
/// </summary>
internal sealed class PipelineTestProbe(NpgsqlDataSource dataSource) : IEventSubscriber
{
    public const string SubscriberName = "test-probe";

    private const string CreateSql = """
        CREATE TABLE IF NOT EXISTS tg_test_probe (
            position      bigint  PRIMARY KEY,
            stream_id     text    NOT NULL,
            version       integer NOT NULL,
            process_id    integer NOT NULL,
            handled_order bigint  GENERATED ALWAYS AS IDENTITY,
            deliveries    integer NOT NULL DEFAULT 1)
        """;

    private const string InsertSql = """
        INSERT INTO tg_test_probe (position, stream_id, version, process_id)
        SELECT p, s, v, @process FROM unnest(@positions, @streams, @versions) WITH ORDINALITY AS u(p, s, v, n) ORDER BY n
        ON CONFLICT (position) DO UPDATE SET deliveries = tg_test_probe.deliveries + 1
        """;

    private bool _created;

    public string Name => SubscriberName;

    public SubscriberStart StartFrom => SubscriberStart.Beginning;

    public async Task HandleAsync(IReadOnlyList<CommittedEvent> events, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!_created)
        {
            await using var create = new NpgsqlCommand(CreateSql, connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            _created = true;
        }

        await using var insert = new NpgsqlCommand(InsertSql, connection);
        insert.Parameters.Add(new NpgsqlParameter<int>("process", Environment.ProcessId));
        insert.Parameters.Add(new NpgsqlParameter<long[]>("positions", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. events.Select(e => e.Position)] });
        insert.Parameters.Add(new NpgsqlParameter<string[]>("streams", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. events.Select(e => e.StreamId)] });
        insert.Parameters.Add(new NpgsqlParameter<int[]>("versions", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = [.. events.Select(e => e.Version)] });
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
