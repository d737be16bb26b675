using TicketGrains.IntegrationTests.Api;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.AutoFill.Proposals;

/// <summary>
/// The API cluster with what filling tickets is tested through: WeChat's platform API on loopback (a local fake), and the
/// e-mail channels' SMTP listener, taking mail large enough for a screenshot.
/// </summary>
public sealed class ProposalClusterFixture : ApiClusterFixture
{
    public int SmtpPort { get; } = FreePorts.Next();

    protected override string[] Settings =>
    [
        ShortAudienceLease, "--PlatformApis:AllowPrivateNetworks=true", $"--Channels:Email:SmtpPort={SmtpPort}",
        "--Channels:Email:ListenAddress=127.0.0.1", "--Channels:Email:MaxMessageBytes=2000000",
    ];
}

[CollectionDefinition(Name)]
public sealed class ProposalCollection : ICollectionFixture<ProposalClusterFixture>
{
    public const string Name = "proposal cluster";
}
