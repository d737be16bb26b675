using TicketGrains.IntegrationTests.Api;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Workbench;

/// <summary>
/// The product the workbench's browser tests drive: one silo with the API, with the development token issuer on. An
/// urgent ticket's first reply is due in 10 minutes, inside the workbench's 15-minute warning window from the start.
/// The e-mail channels' SMTP listener is on (a customer's mail arrives by a real SMTP session), and the workbench's
/// OIDC sign-in names a provider the browser tests play with Playwright's routing (no such host exists).
/// </summary>
public sealed class WorkbenchFixture : ApiClusterFixture
{
    public const string OidcAuthority = "https://idp.workbench.test";
    public const string OidcClientId = "ticketgrains-workbench";

    public int SmtpPort { get; } = FreePorts.Next();

    protected override string[] Settings =>
    [
        ShortAudienceLease, "--Auth:DevIssuer=true", "--Sla:Urgent=00:10:00",
        $"--Channels:Email:SmtpPort={SmtpPort}", "--Channels:Email:ListenAddress=127.0.0.1",
        $"--Workbench:OidcAuthority={OidcAuthority}", $"--Workbench:OidcClientId={OidcClientId}",
    ];
}
