using Xunit;

namespace TicketGrains.Tests.Channels;

public sealed class ChannelRegistrationTests
{
    [Fact]
    public void Douyin_and_weibo_adapters_and_senders_are_registered_by_type_with_their_required_settings()
    {
        using var senders = new ChannelSenders();

        Assert.Equal(["clientKey", "clientSecret", "apiBaseUrl"], senders.AdapterFor("douyin").RequiredSettings);
        Assert.Equal(["appSecret", "apiBaseUrl"], senders.AdapterFor("weibo").RequiredSettings);
        Assert.Equal(("douyin", "weibo"), (senders.For("douyin").Type, senders.For("weibo").Type));
    }
}
