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
        using var provider = new ServiceCollection().AddLogging().AddWeChatChannels().BuildServiceProvider();

        Assert.Equal(["wechat", "wecom"], provider.GetServices<IChannelAdapter>().Select(a => a.Type));
        Assert.Equal(["wecom"], provider.GetServices<IMessagePuller>().Select(p => p.Type));
        Assert.Equal(["wechat", "wecom"], provider.GetServices<IChannelSender>().Select(s => s.Type));
        Assert.Same(provider.GetServices<IChannelSender>().First(), provider.GetServices<IChannelSender>().First());
    }
}
