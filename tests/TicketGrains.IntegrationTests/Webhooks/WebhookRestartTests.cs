using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Webhooks;

/// <summary>Deliveries waiting in the outbox when the only silo is killed (kill -9) are sent by the process that takes over.</summary>
public sealed class WebhookRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] Settings =
        ["--Webhooks:AllowPrivateNetworks=true", $"--Webhooks:ClockRate={WebhookClusterFixture.ClockRate}", "--Webhooks:PollInterval=00:00:00.050"];

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly ProcessGroup _processes = new();
    private TestDatabase? _database;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    [Fact]
    public Task Pending_deliveries_survive_a_killed_silo_and_arrive_in_order_after_the_restart() => _processes.DiagnoseAsync(output, async () =>
    {
        var clusterId = NodeLauncher.NewClusterId();
        var tenant = TicketRequests.NewTenant();
        using var receiver = new WebhookReceiver { Answer = HttpStatusCode.ServiceUnavailable };
        var first = _processes.Add(NodeLauncher.StartSilo("silo-1", Database, clusterId, hostApi: true, Settings));
        await Readiness.WaitForApiAsync(first, Readiness.Deadline);
        string secret;
        var tickets = new List<Guid>();
        using (var http = new HttpClient { BaseAddress = first.BaseAddress, Timeout = RequestTimeout })
        {
            var api = new ApiClient(http, tenant);
            (_, secret) = await WebhookDeliveryTests.RegisterAsync(api, receiver.Url, "ticket.created");
            for (var i = 0; i < 3; i++)
            {
                tickets.Add(await WebhookDeliveryTests.CreateTicketAsync(api, $"ORD-R{i}"));
            }
        }

        await Poll.UntilAsync("three deliveries in the outbox", Deadline, async () =>
            (await Database.ColumnAsync<long>("SELECT count(*) FROM tg_webhook_deliveries WHERE tenant_id = $1", tenant))[0] == 3);
        await Poll.UntilAsync("a refused attempt", Deadline, () => Task.FromResult(receiver.Received.Count > 0));
        first.Process.Kill();
        receiver.Answer = HttpStatusCode.OK;
        var second = _processes.Add(NodeLauncher.StartSilo("silo-2", Database, clusterId, hostApi: true, Settings));
        await Readiness.WaitForApiAsync(second, Deadline);

        await Poll.UntilAsync("the three tickets accepted", Deadline,
            () => Task.FromResult(receiver.Received.Where(r => r.Accepted).Select(r => r.Id).Distinct().Count() >= 3));
        var accepted = receiver.Received.Where(r => r.Accepted).ToList();
        // Delivery is at least once. The killed silo retried the first ticket's delivery every few milliseconds (the
        // accelerated clock), so an attempt already on the wire when the receiver came back is answered 200 that nobody
        // hears: the new silo sends it again, and receivers drop the repeat by its webhook-id. Such an attempt can only
        // be the first accepted, long before the new silo runs; nothing else may repeat.
        var fromNewSilo = accepted.Count > 1 && accepted[0].Id == accepted[1].Id ? accepted.Skip(1).ToList() : accepted;
        Assert.Equal(tickets, fromNewSilo.Select(r => r.TicketId));
        Assert.All(receiver.Received, r => Assert.True(r.SignedWith(secret), $"bad signature on {r.Id}"));
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
