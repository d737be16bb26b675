using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// The "TicketGrains.Pipeline" meter: events and seconds each subscriber is behind, tagged with its name. The figures
/// are read from PostgreSQL when a collector asks (at most once a second, shared by both gauges), so every silo
/// reports the same cluster-wide values, and nothing is read while nobody collects.
/// </summary>
internal sealed class PipelineLagMeter(
    IMeterFactory meters,
    SubscriberLagQuery query,
    TimeProvider time,
    ILogger<PipelineLagMeter> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public const string MeterName = "TicketGrains.Pipeline";
    public const string EventsBehind = "ticketgrains.pipeline.events_behind";
    public const string SecondsBehind = "ticketgrains.pipeline.seconds_behind";

    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private IReadOnlyList<SubscriberLag> _latest = [];
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PipelineLagMeter), ServiceLifecycleStage.Active, _ => Publish());

    /// <summary>Creates the gauges (called once the silo is active; also by tests).</summary>
    public Task Publish()
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge(EventsBehind, () => Current().Select(l => new Measurement<long>(l.EventsBehind, Tag(l))),
            unit: "{event}", description: "Committed events a subscriber has not handled yet.");
        meter.CreateObservableGauge(SecondsBehind, () => Current().Select(l => new Measurement<double>(l.SecondsBehind, Tag(l))),
            unit: "s", description: "Age of the oldest committed event a subscriber has not handled yet.");
        return Task.CompletedTask;
    }

    private static KeyValuePair<string, object?> Tag(SubscriberLag lag) => new("subscriber", lag.Name);

    private IReadOnlyList<SubscriberLag> Current()
    {
        lock (_gate)
        {
            if (time.GetUtcNow() - _readAt >= Freshness)
            {
                try
                {
                    _latest = query.Read();
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
                {
                    // Report nothing rather than stale figures that would look healthy.
                    logger.LogWarning(e, "Could not read the pipeline's lag");
                    _latest = [];
                }

                _readAt = time.GetUtcNow();
            }

            return _latest;
        }
    }
}
