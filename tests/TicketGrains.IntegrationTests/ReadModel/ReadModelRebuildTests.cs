using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.ReadModel;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.ReadModel;

/// <summary>
/// tg_tickets rebuilt from tg_events alone equals the one the grains wrote with their events, column for column, with
/// subjects sealed per customer; changes committed while a rebuild runs end up in the table it swaps in.
/// </summary>
public sealed class ReadModelRebuildTests(RebuildFixture fixture, ITestOutputHelper output) : IClassFixture<RebuildFixture>
{
    private static readonly TimeSpan CommandDeadline = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan BreachDeadline = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan WorkloadDeadline = TimeSpan.FromSeconds(60);

    private TestDatabase Database => fixture.Database;

    [Fact]
    public Task The_rebuild_command_swaps_in_a_table_equal_to_the_live_one() => fixture.RunAsync(output, async () =>
    {
        var tenants = new[] { TicketRequests.NewTenant(), TicketRequests.NewTenant(), TicketRequests.NewTenant() };
        var urgent = new List<(string Tenant, Guid Ticket)>();
        foreach (var tenant in tenants)
        {
            urgent.Add((tenant, await TicketWorkload.SeedAsync(fixture.Client(tenant))));
        }

        foreach (var (tenant, ticket) in urgent)
        {
            await Poll.UntilAsync($"the SLA breach of {ticket}", BreachDeadline, async () => (await Database.ColumnAsync<int>(
                "SELECT version FROM tg_events WHERE tenant_id = $1 AND stream_id = $2 AND event_type = 'SlaBreached'", tenant, StreamIds.Ticket(ticket))).Count > 0);
        }

        await Database.ExecuteAsync("GRANT SELECT ON tg_tickets TO PUBLIC");
        var (live, definition, table) = (await ReadModelState.RowsAsync(Database), await ReadModelState.DefinitionAsync(Database), await ReadModelState.TableIdAsync(Database));

        Assert.Equal(0, await fixture.RunRebuildCommandAsync(CommandDeadline));

        Assert.NotEqual(table, await ReadModelState.TableIdAsync(Database));
        Assert.Equal(live, await ReadModelState.RowsAsync(Database));
        Assert.Equal(definition, await ReadModelState.DefinitionAsync(Database));
        Assert.Equal(8 * tenants.Length, (await Database.ColumnAsync<long>("SELECT count(*) FROM tg_tickets WHERE tenant_id = ANY($1)", (object)tenants)).Single());
        Assert.Empty(await Database.ColumnAsync<string>("SELECT subject FROM tg_tickets WHERE subject NOT LIKE 'tge1:%'"));
        Assert.Equal(tenants.Length, (await Database.ColumnAsync<long>("SELECT count(*) FROM tg_tickets WHERE tenant_id = ANY($1) AND tier = 'vip'", (object)tenants)).Single());
        await AssertTheSiloWritesAndListsTheNewTableAsync(fixture.Client(tenants[0]));
    });

    [Fact]
    public Task Changes_committed_after_the_fill_and_after_a_catch_up_are_in_the_swapped_table() => fixture.RunAsync(output, async () =>
    {
        var api = fixture.Client(TicketRequests.NewTenant());
        var early = await TicketWorkload.CreateAsync(api, TicketRequests.Create("Early"));
        await using var dataSource = NpgsqlDataSource.Create(Database.OwnerConnectionString);
        await using var rebuild = await ReadModelRebuild.BeginAsync(dataSource, NullLogger.Instance, CancellationToken.None);
        await rebuild.FillAsync(CancellationToken.None);

        var afterFill = await TicketWorkload.CreateAsync(api, TicketRequests.Create("After the fill"));
        await TicketWorkload.MessageAsync(api, early, "ann", "Looking into it.", false);
        Assert.Empty(await RebuiltVersionsAsync(afterFill));
        await rebuild.CatchUpAsync(CancellationToken.None);
        Assert.Equal([1], await RebuiltVersionsAsync(afterFill));
        Assert.Equal([2], await RebuiltVersionsAsync(early));

        var afterCatchUp = await TicketWorkload.CreateAsync(api, TicketRequests.Create("After the catch-up"));
        (await api.PostAsync($"{TicketRequests.Ticket(early)}/status", new { status = "pending" })).Expect(HttpStatusCode.OK);
        (await api.PostAsync($"{TicketRequests.Ticket(afterFill)}/assignee", new { agentId = "bob" })).Expect(HttpStatusCode.OK);
        var live = await ReadModelState.RowsAsync(Database);
        await rebuild.SwapAsync(CancellationToken.None);

        Assert.Equal(live, await ReadModelState.RowsAsync(Database));
        Assert.Equal(3, live.Count(row => row.Contains(api.Tenant!, StringComparison.Ordinal)));
        Assert.Contains(live, row => row.Contains(afterCatchUp.ToString(), StringComparison.Ordinal));
    });

    [Fact]
    public Task Tickets_created_while_the_rebuild_runs_all_land_in_the_swapped_table() => fixture.RunAsync(output, async () =>
    {
        var api = fixture.Client(TicketRequests.NewTenant());
        using var stop = new CancellationTokenSource();
        var created = new List<Guid>();
        var workload = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var id = await TicketWorkload.CreateAsync(api, TicketRequests.Create("Racing the rebuild"));
                await TicketWorkload.MessageAsync(api, id, "ann", "Seen.", false);
                lock (created)
                {
                    created.Add(id);
                }
            }
        });
        await Poll.UntilAsync("tickets being created", WorkloadDeadline, () => Task.FromResult(CreatedCount() >= 5 || workload.IsCompleted));

        await using var dataSource = NpgsqlDataSource.Create(Database.OwnerConnectionString);
        await ReadModelRebuild.RunAsync(dataSource, NullLogger.Instance, CancellationToken.None);
        var atSwap = CreatedCount();
        await Poll.UntilAsync("tickets created after the swap", WorkloadDeadline, () => Task.FromResult(CreatedCount() >= atSwap + 5 || workload.IsCompleted));
        stop.Cancel();
        await workload;

        await using var check = await ReadModelRebuild.BeginAsync(dataSource, NullLogger.Instance, CancellationToken.None);
        await check.FillAsync(CancellationToken.None);
        Assert.Equal(await ReadModelState.RowsAsync(Database, FreshTicketTable.Name), await ReadModelState.RowsAsync(Database));
        Assert.Equal(CreatedCount(), (await Database.ColumnAsync<long>("SELECT count(*) FROM tg_tickets WHERE tenant_id = $1 AND version = 2", api.Tenant!)).Single());

        int CreatedCount()
        {
            lock (created)
            {
                return created.Count;
            }
        }
    });

    private Task<List<int>> RebuiltVersionsAsync(Guid ticket) =>
        Database.ColumnAsync<int>($"SELECT version FROM {FreshTicketTable.Name} WHERE ticket_id = $1", ticket);

    /// <summary>After the swap the running silo's prepared statements reach the new table: its writes land there and listings read it.</summary>
    private async Task AssertTheSiloWritesAndListsTheNewTableAsync(ApiClient api)
    {
        var fresh = await TicketWorkload.CreateAsync(api, TicketRequests.Create("After the rebuild"));
        await TicketWorkload.MessageAsync(api, fresh, "ann", "Hello again.", false);
        Assert.Equal([2], await Database.ColumnAsync<int>("SELECT version FROM tg_tickets WHERE ticket_id = $1", fresh));
        var listed = (await api.GetAsync($"{TicketRequests.Tickets}?limit=100")).Expect(HttpStatusCode.OK).Json.GetProperty("items").EnumerateArray()
            .Select(t => t.GetProperty("subject").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["After the rebuild", "Charged twice", "Gift wrap missing", "Invoice needed", "Parcel stuck in customs", "Refund not received", "Size exchange", "Where is my parcel?", "Wrong colour delivered"],
            listed);
    }
}
