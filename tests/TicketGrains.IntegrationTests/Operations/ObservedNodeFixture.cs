using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Operations;

/// <summary>
/// One silo serving the API on a database of its own, with JSON console logs and OTLP export (every trace sampled, metrics
/// every second) to a stand-in collector: what an SRE's scraper, collector and log shipper see.
/// </summary>
public sealed class ObservedNodeFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private TicketGrainsNode? _node;

    public TicketGrainsNode Node => _node ?? throw new InvalidOperationException("Not initialized.");

    public OtlpReceiver Collector { get; } = new();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _node = NodeLauncher.StartSilo("observed", _database, NodeLauncher.NewClusterId(), hostApi: true,
            "--Logging:Json=true",
            $"--Telemetry:OtlpEndpoint={Collector.Address}",
            "--Telemetry:OtlpProtocol=HttpProtobuf",
            "--Telemetry:TraceSampleRatio=1",
            // The OpenTelemetry SDK's own settings, read from configuration like any other key.
            "--OTEL_METRIC_EXPORT_INTERVAL=1000",
            "--OTEL_BSP_SCHEDULE_DELAY=200");
        await Readiness.WaitForApiAsync(_node, Readiness.Deadline);
    }

    public async Task DisposeAsync()
    {
        _node?.Dispose();
        Collector.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
