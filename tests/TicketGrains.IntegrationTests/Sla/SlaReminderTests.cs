using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Sla;

/// <summary>A ticket with a deadline is acknowledged only once the tenant's durable SLA reminder exists (a real silo, real PostgreSQL).</summary>
public sealed class SlaReminderTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Reminder = "sla-sweep";
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(90);

    private readonly ProcessGroup _processes = new();
    private TestDatabase? _database;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    [Fact]
    public Task A_create_whose_sla_reminder_cannot_be_stored_is_refused_with_503_and_written_nowhere() => _processes.DiagnoseAsync(output, async () =>
    {
        var silo = _processes.Add(NodeLauncher.StartSilo("silo", Database, NodeLauncher.NewClusterId(), hostApi: true));
        await Readiness.WaitForApiAsync(silo, Readiness.Deadline);
        var tenant = TicketRequests.NewTenant();
        using var http = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = RequestTimeout };
        var api = new ApiClient(http, tenant);
        var request = TicketRequests.Create("Parcel lost", priority: "high");
        await RefuseRemindersOfAsync(tenant);

        var refused = await api.PostAsync(TicketRequests.Tickets, request, idempotencyKey: "order-7");

        refused.Expect(HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(refused.Header("Retry-After"));
        Assert.Empty(await Database.ColumnAsync<string>("SELECT stream_id FROM tg_events WHERE tenant_id = $1 AND stream_id LIKE 'ticket/%'", tenant));
        Assert.Empty(await Database.ColumnAsync<string>("SELECT ticket_id::text FROM tg_tickets WHERE tenant_id = $1", tenant));
        Assert.False(await OrleansTables.HasReminderAsync(Database, Reminder, "/" + tenant));

        await Database.ExecuteAsync("DROP TRIGGER test_refuse_reminder ON orleansreminderstable");
        var created = (await api.PostAsync(TicketRequests.Tickets, request, idempotencyKey: "order-7")).Expect(HttpStatusCode.Created);

        Assert.True(await OrleansTables.HasReminderAsync(Database, Reminder, "/" + tenant));
        Assert.NotNull(created.Json.GetProperty("slaDueAt").GetString());
        (await api.GetAsync(TicketRequests.Ticket(created.Id))).Expect(HttpStatusCode.OK);
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

    /// <summary>The reminder table refuses the rows of this tenant's SLA watch grain, as an outage of it would.</summary>
    private Task RefuseRemindersOfAsync(string tenant) => Database.ExecuteAsync($$"""
        CREATE FUNCTION test_refuse_reminder() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.grainid LIKE '%/{{tenant}}' THEN
                RAISE EXCEPTION 'reminders of {{tenant}} are refused by the test';
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER test_refuse_reminder BEFORE INSERT OR UPDATE ON orleansreminderstable
            FOR EACH ROW EXECUTE FUNCTION test_refuse_reminder();
        """);
}
