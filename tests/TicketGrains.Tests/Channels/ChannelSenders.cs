using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TicketGrains.Api.Channels.Douyin;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Outbound;

namespace TicketGrains.Tests.Channels;

/// <summary>The senders as the application registers them (<c>AddDouyinWeiboChannels</c>), on a clock the test drives.</summary>
public sealed class ChannelSenders : IDisposable
{
    private readonly ServiceProvider _services;

    /// <param name="allowPrivateNetworks">On for the tests that play the platform on loopback, as ./run.sh does.</param>
    public ChannelSenders(bool allowPrivateNetworks = true)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create<string, string?>("PlatformApis:AllowPrivateNetworks", allowPrivateNetworks ? "true" : "false")])
            .Build());
        services.AddSingleton<TimeProvider>(Time);
        services.AddDouyinWeiboChannels();
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 12, 3, 8, 0, 0, TimeSpan.Zero));

    public IChannelSender For(string type) => _services.GetServices<IChannelSender>().Single(sender => sender.Type == type);

    public IChannelAdapter AdapterFor(string type) => _services.GetServices<IChannelAdapter>().Single(adapter => adapter.Type == type);

    public static ChannelInfo Channel(string type, Dictionary<string, string> settings) =>
        new(Guid.Parse("6f1c9a52-0d7e-4a43-9b8e-3d2f1a0c5e71"), "tenant-a", type, $"{type} shop", settings);

    public static OutboundMessage Reply(string recipient, string text, string? inReplyTo = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), recipient, text, null, inReplyTo);

    public void Dispose() => _services.Dispose();
}
