using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;
using static TicketGrains.IntegrationTests.Agents.Assignments;

namespace TicketGrains.IntegrationTests.Restart;

/// <summary>
/// Queue and agent definitions, an agent's load and a push queue's roster outlive their silo: the only silo is killed
/// (kill -9) and a new process takes over the same database and cluster id.
/// </summary>
public sealed class AssignmentRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan RestartDeadline = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly ProcessGroup _processes = new();
    private TestDatabase? _database;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    [Fact]
    public Task Definitions_load_and_the_push_roster_survive_a_killed_silo() => _processes.DiagnoseAsync(output, async () =>
    {
        var clusterId = NodeLauncher.NewClusterId();
        var tenant = TicketRequests.NewTenant();
        var first = _processes.Add(NodeLauncher.StartSilo("silo-1", Database, clusterId, hostApi: true));
        await Readiness.WaitForApiAsync(first, Readiness.Deadline);
        Guid held;
        using (var http = new HttpClient { BaseAddress = first.BaseAddress, Timeout = RequestTimeout })
        {
            var api = new ApiClient(http, tenant);
            await DefineQueueAsync(api, "general", new { strategy = "push", pushStrategy = "round-robin", order = new[] { "tier", "wait" }, offerTimeoutSeconds = 600 });
            await DefineAgentAsync(api, "ann", new { skills = new { refund = 2 }, capacity = new { chat = 2 }, queues = new[] { "general" } });
            held = await CreateAsync(api, "Offered before the kill");
            await Poll.UntilAsync("the first ticket to be offered to ann", TimeSpan.FromSeconds(30), async () => await AssigneeAsync(api, held) == "ann");
        }

        first.Process.Kill();
        var second = _processes.Add(NodeLauncher.StartSilo("silo-2", Database, clusterId, hostApi: true));
        await Readiness.WaitForApiAsync(second, RestartDeadline);
        using var again = new HttpClient { BaseAddress = second.BaseAddress, Timeout = RequestTimeout };
        var after = new ApiClient(again, tenant);

        var queue = (await after.GetAsync("/api/v1/queues/general")).Expect(HttpStatusCode.OK);
        Assert.Equal(("push", "round-robin", 600), (queue.String("strategy"), queue.String("pushStrategy"), queue.Json.GetProperty("offerTimeoutSeconds").GetInt32()));
        Assert.Equal(["tier", "wait"], queue.Json.GetProperty("order").EnumerateArray().Select(o => o.GetString()));
        var agent = (await after.GetAsync("/api/v1/agents/ann")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal((2, 2, 1), (agent.GetProperty("skills").GetProperty("refund").GetInt32(), agent.GetProperty("capacity").GetProperty("chat").GetInt32(),
            agent.GetProperty("load").GetProperty("chat").GetInt32()));

        // The new queue activation asks its members to report: ann gets one more offer, then she is full.
        var second1 = await CreateAsync(after, "Offered after the restart");
        var second2 = await CreateAsync(after, "Waits: ann is full");
        await Poll.UntilAsync("the second ticket to be offered to ann", TimeSpan.FromSeconds(30), async () => await AssigneeAsync(after, second1) == "ann");
        Assert.Equal([held, second1], (await HeldByAsync(after, "ann")).Order());
        Assert.Null(await AssigneeAsync(after, second2));
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
