using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Outbound;
using TicketGrains.Api.Channels.WeChat;
using Xunit;

namespace TicketGrains.Tests.Channels.WeChat;

public sealed class WeChatChannelsHostingTests
{
    [Fact]
    public void The_core_finds_each_part_by_channel_type_as_one_singleton()
    {
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddLogging().AddWeChatChannels().BuildServiceProvider();

        Assert.Equal(["wechat", "wecom"], provider.GetServices<IChannelAdapter>().Select(a => a.Type));
        Assert.Equal(["wecom"], provider.GetServices<IMessagePuller>().Select(p => p.Type));
        Assert.Equal(["wechat", "wecom"], provider.GetServices<IChannelSender>().Select(s => s.Type));
        Assert.Same(provider.GetServices<IChannelSender>().First(), provider.GetServices<IChannelSender>().First());
    }

    [Fact]
    public void A_timeout_out_of_range_stops_the_start_with_the_key_named()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["PlatformApis:Timeout"] = "00:05:00" }).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddWeChatChannels().BuildServiceProvider();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<PlatformApiOptions>>().Value);

        Assert.Contains("PlatformApis:Timeout must be between", error.Message, StringComparison.Ordinal);
    }
}
