using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Schema;

/// <summary>
/// tg_events is dropped under a running silo. Creates must be refused (503 with Retry-After, never 201 onto an empty
/// log and never 500), /healthz must say which table is gone, and nothing may create the table again.
/// </summary>
public sealed class LostTableTests(ITestOutputHelper output) : MigratedDatabaseTest
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Within GrainRetry's budget: a refusal that is retried instead of answered would run into it.</summary>
    private static readonly TimeSpan RefusalDeadline = TimeSpan.FromSeconds(15);

    private readonly ProcessGroup _processes = new();

    [Fact]
    public Task Dropped_event_table_refuses_creates_reports_unhealthy_and_is_not_recreated() => _processes.DiagnoseAsync(output, async () =>
    {
        var silo = _processes.Add(NodeLauncher.StartSilo("silo", Database, NodeLauncher.NewClusterId(), hostApi: true));
        await Readiness.WaitForApiAsync(silo, Readiness.Deadline);
        using var http = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = RequestTimeout };
        var api = new ApiClient(http, TicketRequests.NewTenant());
        var customer = TicketRequests.NewCustomer();
        (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Before the drop", customer: customer))).Expect(HttpStatusCode.Created);

        await Database.ExecuteAsync("DROP TABLE tg_events");

        // The same customer (its identity already resolved) goes straight to the event writer; a new one first reads its log.
        foreach (var body in new[] { TicketRequests.Create("After the drop", customer: customer), TicketRequests.Create("New customer") })
        {
            var started = DateTime.UtcNow;
            var refused = await api.PostAsync(TicketRequests.Tickets, body);
            output.WriteLine($"{(int)refused.Status} after {(DateTime.UtcNow - started).TotalSeconds:0.0} s: {refused.Text}");
            refused.Expect(HttpStatusCode.ServiceUnavailable);
            Assert.True(DateTime.UtcNow - started < RefusalDeadline, "The refusal was retried instead of answered.");
            Assert.Equal("30", refused.Header("Retry-After"));
            Assert.Equal("A durable table is missing; writes are refused.", refused.String("title"));
            Assert.Contains("tg_events", refused.String("detail"), StringComparison.Ordinal);
        }

        // Readiness names the cause: the table and that it was lost, not merely "unhealthy".
        var health = (await api.GetAsync("/healthz")).Expect(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("A durable table is missing", health.Text, StringComparison.Ordinal);
        Assert.Contains("tg_events", health.Text, StringComparison.Ordinal);
        // The console logger writes on its own thread: the critical line can trail the answers that followed it.
        await Poll.UntilAsync("the silo to log the lost table as fatal", RefusalDeadline, () => Task.FromResult(
            silo.Process.Lines().Any(l => l.Contains("FATAL: A durable table is missing", StringComparison.Ordinal))));
        Assert.Equal([false], await Database.ColumnAsync<bool>("SELECT to_regclass('tg_events') IS NOT NULL"));
    });

    public override async Task DisposeAsync()
    {
        _processes.Dispose();
        await base.DisposeAsync();
    }
}
