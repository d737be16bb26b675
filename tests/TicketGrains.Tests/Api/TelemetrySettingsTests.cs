using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TicketGrains.Api.Observability;
using Xunit;

namespace TicketGrains.Tests.Api;

/// <summary>A wrong telemetry setting stops the start with its key named; the defaults scrape and push nothing.</summary>
public sealed class TelemetrySettingsTests
{
    [Theory]
    [InlineData("Telemetry:OtlpEndpoint", "otel-collector:4317", "Telemetry:OtlpEndpoint must be an absolute http:// or https:// address, not 'otel-collector:4317'.")]
    [InlineData("Telemetry:OtlpEndpoint", "ftp://otel-collector", "Telemetry:OtlpEndpoint must be an absolute http:// or https:// address, not 'ftp://otel-collector'.")]
    [InlineData("Telemetry:TraceSampleRatio", "1.5", "Telemetry:TraceSampleRatio must be from 0 to 1, not 1.5.")]
    public void A_wrong_setting_fails_with_its_key_named(string key, string value, string failure)
    {
        // The section decides which exporters are registered, so it is checked while the services are built.
        var error = Assert.Throws<OptionsValidationException>(() => Build(new() { [key] = value }));

        Assert.Equal(failure, Assert.Single(error.Failures));
    }

    [Fact]
    public void Defaults_serve_prometheus_and_export_nothing()
    {
        using var app = Build([]);

        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;

        Assert.Equal((true, null, false, 0.1), (options.Prometheus, options.OtlpEndpoint, options.Exports, options.TraceSampleRatio));
    }

    [Fact]
    public void An_https_collector_is_exported_to()
    {
        using var app = Build(new() { ["Telemetry:OtlpEndpoint"] = "https://otel-collector.observability:4317" });

        Assert.True(app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.Exports);
    }

    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddTicketGrainsObservability("test");
        return builder.Build();
    }
}
