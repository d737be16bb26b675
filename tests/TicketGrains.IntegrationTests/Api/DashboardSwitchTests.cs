using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Api;

/// <summary>
/// `Orleans:Dashboard` (on by default): the dashboard's collector reads every Orleans metric once a second on a thread of
/// its own, walking all activations and the directory cache; a silo with the switch off serves no dashboard and runs no
/// such thread, and serves the API as before.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DashboardSwitchTests(ApiClusterFixture cluster, ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The collector's thread name as Linux keeps it (15 characters of "OpenTelemetry-PeriodicExportingMetricReader…").</summary>
    private const string CollectorThread = "OpenTelemetry-P";

    private readonly ProcessGroup _processes = new();
    private TestDatabase? _database;

    [Fact]
    public Task A_silo_runs_the_dashboards_collector_by_default() => cluster.RunAsync(output, () =>
    {
        Assert.Contains(CollectorThread, ThreadNames(cluster.SiloProcessId));
        return Task.CompletedTask;
    });

    [Fact]
    public Task A_silo_with_the_dashboard_off_serves_no_dashboard_and_runs_no_collector() => _processes.DiagnoseAsync(output, async () =>
    {
        var silo = _processes.Add(NodeLauncher.StartSilo("silo+api", _database!, NodeLauncher.NewClusterId(), hostApi: true, "--Orleans:Dashboard=false"));
        await Readiness.WaitForApiAsync(silo, Readiness.Deadline);
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };
        // As an admin of the operator tenant, who would see the dashboard if it were on.
        var api = new ApiClient(http, tenant: null);

        (await api.GetAsync("/dashboard/")).Expect(HttpStatusCode.NotFound);
        (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("with the dashboard off"))).Expect(HttpStatusCode.Created);
        Assert.DoesNotContain(CollectorThread, ThreadNames(silo.Process.Id));
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

    private static List<string> ThreadNames(int processId) =>
        [.. Directory.GetDirectories($"/proc/{processId}/task").Select(task => File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n'))];
}
