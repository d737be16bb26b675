using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using TicketGrains.Abstractions;
using TicketGrains.Grains.Live;
using Xunit;

namespace TicketGrains.Tests.Live;

public sealed class LiveFeedStreamsTests
{
    private static IHost SiloHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.UseLocalhostClustering().AddMemoryGrainStorage("PubSubStore").AddLiveFeedStreams());
        return builder.Build();
    }

    [Fact]
    public void The_silo_polls_the_feed_queues_every_10_ms_unless_told_otherwise()
    {
        using var host = SiloHost([]);
        var pulling = host.Services.GetRequiredService<IOptionsMonitor<StreamPullingAgentOptions>>().Get(LiveFeed.ProviderName);
        Assert.Equal(TimeSpan.FromMilliseconds(10), pulling.GetQueueMsgsTimerPeriod);
    }

    [Fact]
    public void The_poll_interval_is_read_from_its_section_and_the_silo_has_two_queues()
    {
        using var host = SiloHost(new() { ["LiveFeedDelivery:PollInterval"] = "00:00:00.025" });
        var pulling = host.Services.GetRequiredService<IOptionsMonitor<StreamPullingAgentOptions>>().Get(LiveFeed.ProviderName);
        var queues = host.Services.GetRequiredService<IOptionsMonitor<HashRingStreamQueueMapperOptions>>().Get(LiveFeed.ProviderName);
        Assert.Equal(TimeSpan.FromMilliseconds(25), pulling.GetQueueMsgsTimerPeriod);
        Assert.Equal(LiveFeedStreams.Queues, queues.TotalQueueCount);
    }

    [Fact]
    public void A_front_end_maps_streams_onto_the_same_two_queues()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client => client.UseLocalhostClustering().AddLiveFeedStreams());
        using var host = builder.Build();
        var queues = host.Services.GetRequiredService<IOptionsMonitor<HashRingStreamQueueMapperOptions>>().Get(LiveFeed.ProviderName);
        Assert.Equal(2, queues.TotalQueueCount);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:02")]
    public async Task A_poll_interval_out_of_range_stops_the_start_naming_its_key(string interval)
    {
        using var host = SiloHost(new() { ["LiveFeedDelivery:PollInterval"] = interval });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains($"LiveFeedDelivery:PollInterval must be between 00:00:00.001 and 00:00:01, not {TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture)}.",
            error.Message, StringComparison.Ordinal);
    }
}
