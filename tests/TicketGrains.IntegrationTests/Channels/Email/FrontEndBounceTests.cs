using System.Globalization;
using System.Net;
using TicketGrains.IntegrationTests.Channels.Outbound;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.IntegrationTests.Webhooks;
using TicketGrains.Tests.Channels.Email;

namespace TicketGrains.IntegrationTests.Channels.Email;

/// <summary>
/// The production shape with the SMTP listener on the stand-alone front end (deploy/k8s/api.yaml turned on): a bounce
/// received there fails the reply and reaches the webhooks, though only the pure silo holds the event log.
/// </summary>
public sealed class FrontEndBounceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly ProcessGroup _processes = new();
    private readonly int _smtpPort = FreePorts.Next();
    private TestDatabase? _database;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    [Fact]
    public Task A_bounce_received_by_a_front_end_reaches_the_webhooks() => _processes.DiagnoseAsync(output, async () =>
    {
        var clusterId = NodeLauncher.NewClusterId();
        var silo = _processes.Add(NodeLauncher.StartSilo("silo", Database, clusterId, hostApi: false, ReplyClusterFixture.ReplySettings));
        await Readiness.WaitForHealthAsync(silo, Readiness.Deadline);
        var front = _processes.Add(NodeLauncher.StartApi("api", Database, clusterId,
            [.. ReplyClusterFixture.ReplySettings, $"--Channels:Email:SmtpPort={_smtpPort}", "--Channels:Email:ListenAddress=127.0.0.1"]));
        await Readiness.WaitForApiAsync(front, Readiness.Deadline);
        using var http = new HttpClient { BaseAddress = front.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var agent = new ApiClient(http, TicketRequests.NewTenant());
        await using var mailbox = await CustomerMailbox.StartAsync();
        using var receiver = new WebhookReceiver();
        await WebhookDeliveryTests.RegisterAsync(agent, receiver.Url, "message.delivery");
        var address = $"support-{Guid.NewGuid():N}@shop.example";
        (await agent.PostAsync("/api/v1/channels", new
        {
            type = "email", name = "Shop support",
            settings = new { address, smtpHost = "127.0.0.1", smtpPort = mailbox.Port.ToString(CultureInfo.InvariantCulture), useTls = "false" },
        })).Expect(HttpStatusCode.Created);
        var customer = $"li.lei-{Guid.NewGuid():N}@customer.test";
        var mail = await Swaks.SendAsync(_smtpPort, "--to", address, "--from", customer, "--header", "Subject: Invoice",
            "--header", "Message-Id: <invoice-2@mail.customer.test>", "--body", "Please send the invoice.");
        Assert.Contains("<-  250 2.0.0 stored", mail.Transcript);
        var ticket = (await InboundTickets.OfAsync(agent, customer, "email")).GetProperty("id").GetGuid();
        await AgentReplies.ReplyAsync(agent, ticket, "发票已寄出");
        var sent = await AgentReplies.SettledAsync(agent, ticket);
        Assert.Equal("sent", sent.GetProperty("state").GetString());

        await BounceSessions.SendAsync(_smtpPort, address, sent.GetProperty("messageId").GetGuid());

        var reason = AgentReplies.Summary((await agent.GetAsync(TicketRequests.Ticket(ticket))).Expect(HttpStatusCode.OK).Json
            .GetProperty("messages")[1].GetProperty("delivery")).Reason;
        Assert.StartsWith("bounced: 5.1.1 ", reason, StringComparison.Ordinal);
        await BounceSessions.AssertSentThenFailedAsync(receiver, ticket, reason!, Deadline);
    });

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        _processes.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
