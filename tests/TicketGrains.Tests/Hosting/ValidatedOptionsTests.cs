using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Hosting;
using TicketGrains.Grains.Sla;
using Xunit;

namespace TicketGrains.Tests.Hosting;

public sealed class ValidatedOptionsTests
{
    private static IHost HostWith(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddValidatedOptions<SlaOptions>("Sla");
        builder.Services.AddValidatedOptions<EventLogOptions>("EventLog");
        builder.Services.AddClusterIdentity();
        return builder.Build();
    }

    [Fact]
    public async Task A_host_with_valid_settings_starts_and_reads_them()
    {
        using var host = HostWith(new() { ["Sla:Urgent"] = "00:30:00", ["EventLog:Writers"] = "2" });
        await host.StartAsync();
        Assert.Equal(TimeSpan.FromMinutes(30), host.Services.GetRequiredService<IOptions<SlaOptions>>().Value.Urgent);
        Assert.Equal(2, host.Services.GetRequiredService<IOptions<EventLogOptions>>().Value.Writers);
        await host.StopAsync();
    }

    [Fact]
    public async Task An_out_of_range_value_stops_the_start_naming_its_key()
    {
        using var host = HostWith(new() { ["EventLog:MaxBatch"] = "0" });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("EventLog:MaxBatch must be between 1 and 10000, not 0.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_outside_the_tcp_range_is_named()
    {
        using var host = HostWith(new() { ["Orleans:SiloPort"] = "70000" });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Orleans:SiloPort must be a TCP port (1-65535), not 70000.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_key_stops_the_start_naming_it()
    {
        using var host = HostWith(new() { ["Sla:Urgnet"] = "00:30:00" });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());
        Assert.Contains("Urgnet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_stops_the_start_naming_its_key()
    {
        using var host = HostWith(new() { ["Sla:SweepPeriod"] = "soon" });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());
        Assert.Contains("Sla:SweepPeriod", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_deadline_is_named()
    {
        var problems = new SlaOptions { High = TimeSpan.FromMinutes(-1) }.Problems("Sla").ToList();
        Assert.Equal(["Sla:High must be a positive time span (e.g. 01:00:00), not -00:01:00."], problems);
    }
}
