using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Outbound;
using TicketGrains.Api.Channels.WeChat;

namespace TicketGrains.IntegrationTests.Channels.WeChat;

/// <summary>The channel services as the API registers them (AddWeChatChannels), resolved by type like the core does.</summary>
public sealed class WeChatServices : IDisposable
{
    private readonly ServiceProvider _provider;

    /// <summary>Services whose platform calls may reach the fake platform on 127.0.0.1 only when <paramref name="allowPrivateNetworks"/>.</summary>
    public WeChatServices(bool allowPrivateNetworks = true)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["PlatformApis:AllowPrivateNetworks"] = allowPrivateNetworks ? "true" : "false" })
            .Build();
        _provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddWeChatChannels().BuildServiceProvider();
    }

    public IChannelSender Sender(string type) => _provider.GetServices<IChannelSender>().Single(s => s.Type == type);

    public IMessagePuller Puller(string type) => _provider.GetServices<IMessagePuller>().Single(p => p.Type == type);

    public static ChannelInfo Channel(string type, Dictionary<string, string> settings) =>
        new(Guid.Parse("0190f0a4-7b1e-7c3d-9a55-3f2e1d0c4b6a"), "default", type, $"{type} test", settings);

    public void Dispose() => _provider.Dispose();
}
