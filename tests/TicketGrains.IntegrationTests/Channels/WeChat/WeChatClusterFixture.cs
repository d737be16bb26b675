using TicketGrains.IntegrationTests.Api;

namespace TicketGrains.IntegrationTests.Channels.WeChat;

/// <summary>A silo whose WeChat and WeCom platform calls may reach the tests' fake platform on 127.0.0.1.</summary>
public sealed class WeChatClusterFixture : ApiClusterFixture
{
    protected override string[] Settings => [ShortAudienceLease, "--PlatformApis:AllowPrivateNetworks=true"];
}

[CollectionDefinition(Name)]
public sealed class WeChatCollection : ICollectionFixture<WeChatClusterFixture>
{
    public const string Name = "wechat cluster";
}
