using System.Net;
using TicketGrains.Grains.EventLog;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Restart;

/// <summary>The only silo is killed (kill -9) and a new process takes over the same database and cluster id.</summary>
public sealed class RestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Agent = "dora";
    private const string Queue = "logistics";
    private static readonly string[] SlaSettings = ["--Sla:Urgent=00:00:05", "--Sla:SweepPeriod=00:00:02"];
    private static readonly TimeSpan UrgentTarget = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RestartDeadline = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan ReminderDeadline = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan BreachDeadline = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly ProcessGroup _processes = new();
    private TestDatabase? _database;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    [Fact]
    public Task Tickets_queue_and_sla_reminder_survive_a_killed_silo() => _processes.DiagnoseAsync(output, async () =>
    {
        var clusterId = NodeLauncher.NewClusterId();
        var tenant = TicketRequests.NewTenant();
        var first = _processes.Add(NodeLauncher.StartSilo("silo-1", Database, clusterId, hostApi: true, SlaSettings));
        output.WriteLine($"first silo ready after {(await Readiness.WaitForApiAsync(first, Readiness.Deadline)).TotalSeconds:0.0} s");
        var (urgent, due, normal) = await SeedAsync(first, tenant);

        first.Process.Kill();
        Assert.True(DateTimeOffset.UtcNow < due, "The silo was killed after the urgent ticket's deadline; the test would prove nothing.");
        Assert.Empty(await BreachesAsync(tenant, urgent));
        var second = _processes.Add(NodeLauncher.StartSilo("silo-2", Database, clusterId, hostApi: true, SlaSettings));
        var readyAfter = await Readiness.WaitForApiAsync(second, RestartDeadline);
        output.WriteLine($"new silo ready {readyAfter.TotalSeconds:0.0} s after it was started (the killed one still registered as active)");

        // No ticket of the tenant is touched before this: activating any of them would register the sweep again,
        // so only the reminder stored before the kill can record this breach.
        await Poll.UntilAsync("the urgent ticket's SLA breach in the event log", BreachDeadline, async () => (await BreachesAsync(tenant, urgent)).Count > 0);
        output.WriteLine($"SLA breach seen {(second.Process.Uptime - readyAfter).TotalSeconds:0.0} s after the new silo was ready");

        using var http = new HttpClient { BaseAddress = second.BaseAddress, Timeout = RequestTimeout };
        var api = new ApiClient(http, tenant);
        await AssertStateAsync(api, normal[0], "open", Agent);
        await AssertStateAsync(api, normal[1], "new", null);
        await AssertStateAsync(api, normal[2], "new", null);
        var next = (await api.PostAsync($"/api/v1/agents/{Agent}/next")).Expect(HttpStatusCode.OK).Id;
        var last = (await api.PostAsync($"/api/v1/agents/{Agent}/next")).Expect(HttpStatusCode.OK).Id;
        (await api.PostAsync($"/api/v1/agents/{Agent}/next")).Expect(HttpStatusCode.NoContent);
        Assert.Equal(normal[1..].Order(), new[] { next, last }.Order());

        var ticket = (await api.GetAsync(TicketRequests.Ticket(urgent))).Expect(HttpStatusCode.OK);
        Assert.True(ticket.Json.GetProperty("slaBreached").GetBoolean());
        Assert.Equal(("new", "urgent"), (ticket.String("status"), ticket.String("priority")));
        var history = (await api.GetAsync($"{TicketRequests.Ticket(urgent)}/events")).Expect(HttpStatusCode.OK).Json.EnumerateArray();
        Assert.Equal(["TicketCreated", "SlaBreached"], history.Select(e => e.GetProperty("type").GetString()));
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

    /// <summary>
    /// An urgent ticket (due in 5 s) and three normal ones in the agent's only queue, the first of which the agent pulls;
    /// returns once the tenant's SLA reminder is stored.
    /// </summary>
    private async Task<(Guid Urgent, DateTimeOffset Due, List<Guid> Normal)> SeedAsync(TicketGrainsNode silo, string tenant)
    {
        using var http = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = RequestTimeout };
        var api = new ApiClient(http, tenant);
        (await api.PutAsync($"/api/v1/agents/{Agent}/queues", new { queues = new[] { Queue } })).Expect(HttpStatusCode.OK);
        var urgent = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Urgent: wrong item", priority: "urgent"))).Expect(HttpStatusCode.Created);
        var due = urgent.Json.GetProperty("slaDueAt").GetDateTimeOffset();
        Assert.Equal(UrgentTarget, due - urgent.Json.GetProperty("createdAt").GetDateTimeOffset());
        var normal = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            normal.Add((await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create($"Parcel {i}", Queue))).Expect(HttpStatusCode.Created).Id);
        }

        Assert.Equal(normal[0], (await api.PostAsync($"/api/v1/agents/{Agent}/next")).Expect(HttpStatusCode.OK).Id);
        await Poll.UntilAsync("the tenant's SLA reminder to be stored", ReminderDeadline,
            () => OrleansTables.HasReminderAsync(Database, "sla-sweep", "/" + tenant));
        return (urgent.Id, due, normal);
    }

    private Task<List<int>> BreachesAsync(string tenant, Guid ticket) => Database.ColumnAsync<int>(
        "SELECT version FROM tg_events WHERE tenant_id = $1 AND stream_id = $2 AND event_type = 'SlaBreached'", tenant, StreamIds.Ticket(ticket));

    private static async Task AssertStateAsync(ApiClient api, Guid id, string status, string? assignee)
    {
        var ticket = (await api.GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.OK);
        Assert.Equal((status, assignee), (ticket.String("status"), ticket.String("assignee")));
    }
}
