using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TicketGrains.Grains.Pipeline;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Pipeline;

/// <summary>Lag per subscriber as operators see it: the query behind the endpoint, and the meter.</summary>
public sealed class SubscriberLagTests : MigratedDatabaseTest
{
    /// <summary>Slack for the time the test itself takes between writing and reading.</summary>
    private const double ClockSlackSeconds = 30;

    [Fact]
    public async Task Reports_events_and_seconds_behind_with_the_latest_failure_for_each_subscriber()
    {
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);
        var (transaction, positions) = await WriteFiveEventsRecordedFromNinetySecondsAgoAsync();
        var store = await StoreCheckpointAsync(source, "behind", new Checkpoint(transaction, positions[1]));
        await store.RecordFailureAsync("behind", 3, "HttpRequestException: 500", CancellationToken.None);
        await StoreCheckpointAsync(source, "caught-up", new Checkpoint(transaction, positions[4]));

        var lags = await new SubscriberLagQuery(source).ReadAsync(CancellationToken.None);

        Assert.Equal(["behind", "caught-up"], lags.Select(l => l.Name));
        var (behind, caughtUp) = (lags[0], lags[1]);
        Assert.Equal((new Checkpoint(transaction, positions[1]), positions[4], 3L), (behind.Checkpoint, behind.HeadPosition, behind.EventsBehind));
        // The oldest event it has not handled is the third, recorded 87 s before the test read it.
        Assert.InRange(behind.SecondsBehind, 87, 87 + ClockSlackSeconds);
        Assert.Equal((3, "HttpRequestException: 500"), (behind.Attempts, behind.LastError));
        Assert.NotNull(behind.LastErrorAt);
        Assert.Equal((positions[4], 0L, 0.0, 0, (string?)null, (DateTimeOffset?)null),
            (caughtUp.HeadPosition, caughtUp.EventsBehind, caughtUp.SecondsBehind, caughtUp.Attempts, caughtUp.LastError, caughtUp.LastErrorAt));
    }

    [Fact]
    public async Task The_meter_reports_both_gauges_tagged_by_subscriber()
    {
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);
        var (transaction, positions) = await WriteFiveEventsRecordedFromNinetySecondsAgoAsync();
        await StoreCheckpointAsync(source, "behind", new Checkpoint(transaction, positions[0]));
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var measured = new Dictionary<(string Instrument, object? Subscriber), double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PipelineLagMeter.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measured[(instrument.Name, tags[0].Value)] = value);
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measured[(instrument.Name, tags[0].Value)] = value);
        listener.Start();

        await new PipelineLagMeter(services.GetRequiredService<IMeterFactory>(), new SubscriberLagQuery(source), TimeProvider.System,
            NullLogger<PipelineLagMeter>.Instance).Publish();
        listener.RecordObservableInstruments();

        Assert.Equal(2, measured.Count);
        Assert.Equal(4, measured[(PipelineLagMeter.EventsBehind, "behind")]);
        // The oldest it has not handled is the second event, recorded 88 s earlier.
        Assert.InRange(measured[(PipelineLagMeter.SecondsBehind, "behind")], 88, 88 + ClockSlackSeconds);
    }

    private static async Task<PostgresSubscriptionStore> StoreCheckpointAsync(NpgsqlDataSource source, string subscriber, Checkpoint checkpoint)
    {
        var store = new PostgresSubscriptionStore(source);
        await store.OpenAsync(subscriber, SubscriberStart.Beginning, null, null, CancellationToken.None);
        await store.SaveAsync(subscriber, checkpoint, CancellationToken.None);
        return store;
    }

    /// <summary>One transaction; event n (1 to 5) is recorded 90 - n seconds ago.</summary>
    private async Task<(ulong Transaction, List<long> Positions)> WriteFiveEventsRecordedFromNinetySecondsAgoAsync()
    {
        var rows = await Database.ColumnAsync<long[]>("""
            WITH inserted AS (
                INSERT INTO tg_events (tenant_id, stream_id, version, event_type, data, recorded_at)
                SELECT 'lag-tests', 'ticket-lag', v, 'TestEvent', '{}', now() - make_interval(secs => 90 - v)
                FROM generate_series(1, 5) v ORDER BY v
                RETURNING position, tx_id)
            SELECT ARRAY[position, tx_id::text::bigint] FROM inserted ORDER BY position
            """);
        return ((ulong)rows[0][1], [.. rows.Select(r => r[0])]);
    }
}
