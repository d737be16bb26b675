using OpenTelemetry.Exporter;
using TicketGrains.Grains.Hosting;

namespace TicketGrains.Api.Observability;

/// <summary>Metrics and traces (section "Telemetry"): a Prometheus scrape endpoint by default, OTLP export when an endpoint is set.</summary>
public sealed class TelemetryOptions : IValidatableOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// The OpenTelemetry collector to push metrics, traces and logs to (e.g. http://otel-collector:4317); unset by default, and
    /// then nothing is pushed and no traces are recorded.
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>Grpc (port 4317 by convention) or HttpProtobuf (4318; the signal's path is appended to the endpoint).</summary>
    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.Grpc;

    /// <summary>Serve the metrics at /metrics in Prometheus' text format (unauthenticated, like the health probes).</summary>
    public bool Prometheus { get; set; } = true;

    /// <summary>Share of traces recorded when the caller did not decide (a traceparent header's sampled flag wins): 0 to 1.</summary>
    public double TraceSampleRatio { get; set; } = 0.1;

    /// <summary>Export (and so traces) only to a usable address; a bad one fails the start through the options' validation.</summary>
    public bool Exports => OtlpEndpoint is { IsAbsoluteUri: true, Scheme: "http" or "https" };

    /// <summary>
    /// The section as configured, for the registrations that depend on it (which exporters exist is decided before the
    /// container is built); the same section is bound and validated as options at start.
    /// </summary>
    public static TelemetryOptions Read(IConfiguration configuration) =>
        configuration.BindNow<TelemetryOptions>(Section);

    public IEnumerable<string> Problems(string section)
    {
        if (OtlpEndpoint is not null && !Exports)
        {
            yield return $"{section}:OtlpEndpoint must be an absolute http:// or https:// address, not '{OtlpEndpoint.OriginalString}'.";
        }

        if (TraceSampleRatio is not (>= 0 and <= 1))
        {
            yield return $"{section}:TraceSampleRatio must be from 0 to 1, not {TraceSampleRatio}.";
        }
    }
}
