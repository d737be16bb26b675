using System.Net;
using System.Text.Json;
using TicketGrains.Grains.EventLog;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.IntegrationTests.Webhooks;

namespace TicketGrains.IntegrationTests.Sla;

/// <summary>
/// A policy's warning fires on one silo; the silo is killed (kill -9) before the breach, which falls due while no silo
/// runs; a new silo breaches and escalates the ticket exactly once, found by the tenant's sweep reminder alone (real
/// processes, real PostgreSQL).
/// </summary>
public sealed class SlaEscalationRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] SlaSettings = ["--Sla:SweepPeriod=00:00:02", "--Webhooks:AllowPrivateNetworks=true"];
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan RestartDeadline = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan WarningDeadline = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan BreachDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly ProcessGroup _processes = new();
    private TestDatabase? _database;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    [Fact]
    public Task A_breach_after_a_killed_silo_escalates_the_ticket_once() => _processes.DiagnoseAsync(output, async () =>
    {
        var clusterId = NodeLauncher.NewClusterId();
        var tenant = TicketRequests.NewTenant();
        var first = _processes.Add(NodeLauncher.StartSilo("silo-1", Database, clusterId, hostApi: true, SlaSettings));
        await Readiness.WaitForApiAsync(first, Readiness.Deadline);
        using var firstHttp = new HttpClient { BaseAddress = first.BaseAddress, Timeout = RequestTimeout };
        var seeding = new ApiClient(firstHttp, tenant);
        // Subscribed to trigger calls only: all it receives is the escalation's call.
        using var receiver = new WebhookReceiver();
        var (_, secret) = await WebhookDeliveryTests.RegisterAsync(seeding, receiver.Url, "trigger.webhook");
        (await seeding.PutAsync("/api/v1/sla-policies/escalate", new
        {
            targets = new[] { new { metric = "first_reply", seconds = (int)Target.TotalSeconds } },
            warnBeforeSeconds = 15,
            escalation = new { raisePriority = true, queue = "escalations", notify = "lead-1", webhook = receiver.Url },
        })).Expect(HttpStatusCode.OK);
        var created = (await seeding.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Wrong size delivered", category: "exchange"))).Expect(HttpStatusCode.Created);
        var due = created.Json.GetProperty("slaDueAt").GetDateTimeOffset();
        Assert.Equal(Target, due - created.Json.GetProperty("createdAt").GetDateTimeOffset());

        await Poll.UntilAsync("the SLA warning from the first silo", WarningDeadline, async () => (await VersionsOfAsync(tenant, created.Id, "SlaWarned")).Count > 0);
        first.Process.Kill();
        Assert.True(DateTimeOffset.UtcNow < due, "The silo was killed after the deadline; the test would prove nothing.");
        // The deadline passes while no silo runs, so the new silo's first sweep finds the ticket overdue and the breach is
        // appended inside the sweep's call (whose ticket then registers the reminder through the busy sweep grain).
        await Poll.UntilAsync("the deadline to pass with no silo running", Target, () => Task.FromResult(DateTimeOffset.UtcNow > due));
        var second = _processes.Add(NodeLauncher.StartSilo("silo-2", Database, clusterId, hostApi: true, SlaSettings));
        await Readiness.WaitForApiAsync(second, RestartDeadline);

        // Nothing touches the ticket: only the sweep reminder stored before the kill can find its deadline.
        await Poll.UntilAsync("the SLA breach from the new silo", BreachDeadline, async () => (await VersionsOfAsync(tenant, created.Id, "SlaBreached")).Count > 0);
        using var http = new HttpClient { BaseAddress = second.BaseAddress, Timeout = RequestTimeout };
        var api = new ApiClient(http, tenant);
        (await api.PutAsync("/api/v1/agents/lead-1/queues", new { queues = new[] { "escalations" } })).Expect(HttpStatusCode.OK);
        var handed = (await api.PostAsync("/api/v1/agents/lead-1/next")).Expect(HttpStatusCode.OK);
        var history = (await api.GetAsync($"{TicketRequests.Ticket(created.Id)}/events")).Expect(HttpStatusCode.OK).Json.EnumerateArray().ToList();

        Assert.Equal(created.Id, handed.Id);
        Assert.Equal(("high", "escalations", true), (handed.String("priority"), handed.String("queue"), handed.Json.GetProperty("slaBreached").GetBoolean()));
        var clock = Assert.Single(handed.Json.GetProperty("slaClocks").EnumerateArray());
        Assert.Equal(("first_reply", due), (clock.GetProperty("metric").GetString(), clock.GetProperty("dueAt").GetDateTimeOffset()));
        Assert.True(clock.GetProperty("breachedAt").GetDateTimeOffset() >= due);
        Assert.Equal(["TicketCreated", "SlaWarned", "SlaBreached", "TicketClaimed"], history.Select(e => e.GetProperty("type").GetString()));
        var breach = JsonDocument.Parse(history[2].GetProperty("data").GetString()!).RootElement;
        Assert.Equal(("first_reply", "high", "escalations", "lead-1", receiver.Url), (breach.GetProperty("metric").GetString(),
            breach.GetProperty("raisedPriority").GetString(), breach.GetProperty("queue").GetString(), breach.GetProperty("notify").GetString(),
            breach.GetProperty("webhook").GetString()));
        await Poll.UntilAsync("the escalation's webhook call", BreachDeadline, () => Task.FromResult(receiver.Received.Any(r => r.Accepted)));
        var call = Assert.Single(receiver.Received);
        Assert.Equal(("sla.breached", created.Id, 3), (call.Type, call.TicketId, call.Version));
        Assert.True(call.SignedWith(secret));
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

    private Task<List<int>> VersionsOfAsync(string tenant, Guid ticket, string eventType) => Database.ColumnAsync<int>(
        "SELECT version FROM tg_events WHERE tenant_id = $1 AND stream_id = $2 AND event_type = $3", tenant, StreamIds.Ticket(ticket), eventType);
}
