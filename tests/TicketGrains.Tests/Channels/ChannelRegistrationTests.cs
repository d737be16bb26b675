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

    [Theory]
    [InlineData("douyin")]
    [InlineData("weibo")]
    public async Task A_base_address_on_a_private_network_is_refused_unless_allowed(string type)
    {
        await using var server = await PlatformApiServer.StartAsync(_ => PlatformReply.Json("{}"));
        using var senders = new ChannelSenders(allowPrivateNetworks: false);
        var channel = ChannelSenders.Channel(type, new Dictionary<string, string>
        {
            ["apiBaseUrl"] = server.BaseUrl, ["clientKey"] = "k", ["clientSecret"] = "s", ["accessToken"] = "t",
        });

        var outcome = await senders.For(type).SendAsync(channel, ChannelSenders.Reply("123", "hi"), CancellationToken.None);

        Assert.False(outcome.Sent);
        Assert.False(outcome.Retryable);
        Assert.Contains("127.0.0.1, which is not a public address", outcome.FailureReason, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }
}
