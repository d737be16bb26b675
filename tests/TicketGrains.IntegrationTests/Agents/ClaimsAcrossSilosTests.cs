using System.Net;
using TicketGrains.IntegrationTests.Failover;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Agents;

/// <summary>
/// Exactly-once hand-out on the real log: many agents pulling concurrently through two silo processes on one PostgreSQL,
/// and pulls while one silo is killed. Every ticket must end accepted by exactly one agent who received it.
/// </summary>
public sealed class ClaimsAcrossSilosTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Agents = 12;
    private const int Tickets = 120;

    private static readonly string[] Categories = ["general", "logistics", "refund", "complaint", "presale"];
    private static readonly TimeSpan SettleDeadline = TimeSpan.FromSeconds(90);
    /// <summary>Hand-outs to wait for before the kill and again after it, so pulls are under way on both sides of it.</summary>
    private const int HandOutsAroundKill = 20;

    private static readonly TimeSpan LoadDeadline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan DeathDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly ProcessGroup _processes = new();
    private readonly List<HttpClient> _clients = [];
    private TestDatabase? _database;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    [Fact]
    public Task Agents_pulling_through_two_silos_get_every_ticket_exactly_once() => _processes.DiagnoseAsync(output, async () =>
    {
        var clusterId = NodeLauncher.NewClusterId();
        var silos = await StartSilosAsync(clusterId, hostApi: true);
        var tenant = TicketRequests.NewTenant();
        var doors = silos.Select(s => Door(s, tenant)).ToList();
        var created = new List<Guid>();
        for (var i = 0; i < Tickets; i++)
        {
            var request = TicketRequests.Create($"Race {i}", Categories[i % Categories.Length], i % 4 == 0 ? "high" : "normal");
            created.Add((await doors[i % 2].PostAsync(TicketRequests.Tickets, request)).Expect(HttpStatusCode.Created).Id);
        }

        var agents = new PullingAgents(doors, Agents, waitSeconds: 1);
        agents.Start();
        await SettledAsync(tenant);
        await agents.StopAsync();

        var handOuts = agents.HandOuts;
        output.WriteLine($"{handOuts.Count} hand-outs to {handOuts.Select(h => h.Agent).Distinct().Count()} agents; failures: {agents.Failures.Count}");
        foreach (var failure in agents.Failures.Take(10))
        {
            output.WriteLine(failure);
        }

        // A pull whose answer was lost (a timeout on a loaded machine) leaves a claim that returns and is handed out again;
        // without such failures every ticket is claimed once.
        var events = await EventCountsAsync(tenant);
        var accepted = handOuts.Where(h => h.Accepted).ToList();
        Assert.Equal(created.Order(), accepted.Select(h => h.Ticket).Order());
        Assert.All(created, id => Assert.Equal((events[id].Returned + 1, 1L), (events[id].Claimed, events[id].Accepted)));
        Assert.True(agents.Failures.Count > 0 || events.Values.All(e => e.Returned == 0), "A claim returned although every pull was answered.");
        await AssertAssignedToWhoAcceptedAsync(tenant, accepted);
    });

    [Fact]
    public Task Pulls_while_a_silo_is_killed_hand_no_ticket_out_twice_and_lose_none() => _processes.DiagnoseAsync(output, async () =>
    {
        var clusterId = NodeLauncher.NewClusterId();
        var silos = await StartSilosAsync(clusterId, hostApi: false);
        var front = _processes.Add(NodeLauncher.StartApi("api", Database, clusterId));
        await Readiness.WaitForApiAsync(front, Readiness.Deadline);
        var tenant = TicketRequests.NewTenant();
        var door = Door(front, tenant);
        var creates = new CreateLoad(door, workers: 4);
        var agents = new PullingAgents([door], Agents, waitSeconds: 1);

        creates.Start();
        agents.Start();
        await Poll.UntilAsync($"{HandOutsAroundKill} hand-outs before the kill", LoadDeadline,
            () => Task.FromResult(agents.HandOuts.Count >= HandOutsAroundKill));
        var victim = silos[1];
        victim.Process.Kill();
        var handedBeforeKill = agents.HandOuts.Count;
        var declaredDead = await Poll.UntilAsync($"{victim.Name} to be declared dead", DeathDeadline,
            async () => await OrleansTables.StatusOfAsync(Database, clusterId, victim.SiloPort) == OrleansTables.Dead);
        await Poll.UntilAsync($"{HandOutsAroundKill} more hand-outs after the kill", LoadDeadline,
            () => Task.FromResult(agents.HandOuts.Count >= handedBeforeKill + HandOutsAroundKill));
        await creates.StopAsync();
        await SettledAsync(tenant);
        await agents.StopAsync();

        var handOuts = agents.HandOuts;
        var events = await EventCountsAsync(tenant);
        output.WriteLine($"{events.Count} tickets in the log ({creates.Acks.Count} creates acknowledged); {handOuts.Count} hand-outs " +
            $"({handedBeforeKill} before the kill), {handOuts.Count(h => !h.Accepted)} refused at accept, " +
            $"{events.Values.Sum(e => e.Returned)} claims returned; {agents.Failures.Count} failed requests; silo declared dead after {declaredDead.TotalSeconds:0.0} s");
        foreach (var failure in agents.Failures.Take(10))
        {
            output.WriteLine(failure);
        }

        Assert.All(creates.Acks, a => Assert.True(events.ContainsKey(a.Id), $"Acknowledged ticket {a.Id} is not in the log."));
        Assert.All(events, e => Assert.Equal(1L, e.Value.Accepted));
        var accepted = handOuts.Where(h => h.Accepted).ToList();
        Assert.Equal(accepted.Count, accepted.Select(h => h.Ticket).Distinct().Count());
        Assert.Equal(events.Keys.Order(), accepted.Select(h => h.Ticket).Order());
        await AssertAssignedToWhoAcceptedAsync(tenant, accepted);
    });

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        _processes.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>
    /// Two silos, both active members; claims unacknowledged for 3 s return, and the tenant's sweep runs every 2 s. The
    /// second starts once the first is up: two silos compiling their code at once on a busy machine can miss each other's
    /// probes while the second joins.
    /// </summary>
    private async Task<List<TicketGrainsNode>> StartSilosAsync(string clusterId, bool hostApi)
    {
        var silos = new List<TicketGrainsNode>();
        foreach (var name in new[] { "silo-1", "silo-2" })
        {
            var silo = _processes.Add(NodeLauncher.StartSilo(name, Database, clusterId, hostApi, ShortClaimFixture.NodeSettings));
            await (hostApi ? Readiness.WaitForApiAsync(silo, Readiness.Deadline) : Readiness.WaitForHealthAsync(silo, Readiness.Deadline));
            silos.Add(silo);
        }

        await Poll.UntilAsync("both silos to be active members", Readiness.Deadline,
            async () => await OrleansTables.CountSilosAsync(Database, clusterId, OrleansTables.Active) == 2);
        return silos;
    }

    private ApiClient Door(TicketGrainsNode node, string tenant)
    {
        var http = new HttpClient { BaseAddress = node.BaseAddress, Timeout = RequestTimeout };
        _clients.Add(http);
        return new ApiClient(http, tenant);
    }

    /// <summary>Waits until every ticket of the tenant is assigned with no claim left unacknowledged (the agents keep pulling meanwhile).</summary>
    private Task SettledAsync(string tenant) => Poll.UntilAsync("every ticket to be accepted by an agent", SettleDeadline, async () =>
        (await Database.ColumnAsync<long>(
            "SELECT count(*) FROM tg_tickets WHERE tenant_id = $1 AND (assignee IS NULL OR claim_due_at IS NOT NULL)", tenant))[0] == 0);

    /// <summary>Per ticket in the log: how many claims, accepts and returns it recorded.</summary>
    private async Task<Dictionary<Guid, (long Claimed, long Accepted, long Returned)>> EventCountsAsync(string tenant)
    {
        var rows = await Database.ColumnAsync<long[]>(
            "SELECT ARRAY[count(*) FILTER (WHERE event_type = 'TicketClaimed'), count(*) FILTER (WHERE event_type = 'ClaimAccepted'), " +
            "count(*) FILTER (WHERE event_type = 'ClaimReturned')] FROM tg_events WHERE tenant_id = $1 AND stream_id LIKE 'ticket/%' " +
            "GROUP BY stream_id ORDER BY stream_id", tenant);
        var ids = await Database.ColumnAsync<string>(
            "SELECT stream_id FROM tg_events WHERE tenant_id = $1 AND stream_id LIKE 'ticket/%' GROUP BY stream_id ORDER BY stream_id", tenant);
        return ids.Zip(rows).ToDictionary(p => Guid.Parse(p.First["ticket/".Length..]), p => (p.Second[0], p.Second[1], p.Second[2]));
    }

    private async Task AssertAssignedToWhoAcceptedAsync(string tenant, IEnumerable<PullingAgents.HandOut> accepted)
    {
        var assignees = await Database.PairsAsync<Guid, string>("SELECT ticket_id, assignee FROM tg_tickets WHERE tenant_id = $1", tenant);
        Assert.All(accepted, h => Assert.Equal(h.Agent, assignees[h.Ticket]));
    }
}
