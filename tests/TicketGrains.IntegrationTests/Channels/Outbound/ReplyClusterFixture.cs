using TicketGrains.IntegrationTests.Api;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Channels.Outbound;

/// <summary>
/// A silo whose platform calls may reach the tests' platforms on 127.0.0.1, retrying a failed reply after 200 ms (then
/// the same again) and looking for due replies every 100 ms, with the e-mail channels' SMTP listener on a free port and
/// webhooks allowed to reach the tests' receivers on 127.0.0.1.
/// </summary>
public sealed class ReplyClusterFixture : ApiClusterFixture
{
    public static readonly string[] ReplySettings =
        ["--PlatformApis:AllowPrivateNetworks=true", "--ChannelReplies:RetryDelays:0=00:00:00.200", "--ChannelReplies:PollInterval=00:00:00.100",
            "--Webhooks:AllowPrivateNetworks=true", "--Webhooks:PollInterval=00:00:00.050"];

    public int SmtpPort { get; } = FreePorts.Next();

    protected override string[] Settings =>
        [ShortAudienceLease, .. ReplySettings, $"--Channels:Email:SmtpPort={SmtpPort}", "--Channels:Email:ListenAddress=127.0.0.1"];
}

[CollectionDefinition(Name)]
public sealed class ReplyCollection : ICollectionFixture<ReplyClusterFixture>
{
    public const string Name = "replies cluster";
}
