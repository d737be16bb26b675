using TicketGrains.IntegrationTests.Api;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Channels.Email;

/// <summary>The API cluster with the e-mail channels' SMTP listener on, on a free loopback port.</summary>
public sealed class EmailClusterFixture : ApiClusterFixture
{
    public int SmtpPort { get; } = FreePorts.Next();

    protected override string[] Settings =>
        [ShortAudienceLease, $"--Channels:Email:SmtpPort={SmtpPort}", "--Channels:Email:ListenAddress=127.0.0.1", "--Channels:Email:MaxMessageBytes=65536"];
}
