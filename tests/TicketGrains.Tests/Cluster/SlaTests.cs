using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.Sla;
using Xunit;

namespace TicketGrains.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class SlaTests(ClusterFixture fixture)
{
    private static readonly TimeSpan PastUrgentTarget = TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Sweep_marks_an_overdue_ticket_breached()
    {
        var tenant = Tenants.New();
        var ticket = fixture.Client.Ticket(tenant, (await fixture.Client.OpenAsync(tenant, Commands.Create(priority: "urgent"))).Id);
        // Without an activation there is no ticket timer: only the sweep can find the deadline.
        await fixture.Cluster.DeactivateAsync(ticket);
        fixture.Time.Advance(PastUrgentTarget);

        var swept = await fixture.Client.GetGrain<ISlaWatchGrain>(tenant).SweepAsync();

        Assert.Equal(1, swept);
        var read = await ticket.GetAsync();
        Assert.Equal((true, 2), (read.SlaBreached, read.Version));
        Assert.Equal(["TicketCreated", "SlaBreached"], (await ticket.GetEventsAsync()).Select(e => e.Type));
        Assert.Equal(0, await fixture.Client.GetGrain<ISlaWatchGrain>(tenant).SweepAsync());
    }

    [Fact]
    public async Task A_wave_of_overdue_tickets_larger_than_a_page_is_breached_by_the_tenants_sweeps()
    {
        var tenant = Tenants.New();
        // An hour-away deadline arms no ticket timer, so only a sweep can find these. The tenant's reminder may sweep as
        // well as the call below, so this proves the wiring end to end; that one sweep pages past 500 is SlaSweepTests'.
        var count = SlaWatchGrain.SweepBatch + SlaWatchGrain.WakeAtOnce + 3;
        var opened = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => fixture.Client.OpenAsync(tenant, Commands.Create(priority: "urgent"))));
        fixture.Time.Advance(PastUrgentTarget);

        await fixture.Client.GetGrain<ISlaWatchGrain>(tenant).SweepAsync();

        Assert.All(opened, t => Assert.Null(fixture.EventLog.Rows[(tenant, t.Id)].Row.SlaDueAt));
        Assert.Equal(0, await fixture.Client.GetGrain<ISlaWatchGrain>(tenant).SweepAsync());
        Assert.True((await fixture.Client.Ticket(tenant, opened[^1].Id).GetAsync()).SlaBreached);
    }

    [Fact]
    public async Task Ticket_answered_before_the_deadline_is_not_breached()
    {
        var tenant = Tenants.New();
        var ticket = fixture.Client.Ticket(tenant, (await fixture.Client.OpenAsync(tenant, Commands.Create(priority: "urgent"))).Id);
        fixture.Time.Advance(TimeSpan.FromMinutes(30));
        await ticket.AddMessageAsync("agent-1", "We are on it.", false, "agent-1", null);
        await fixture.Cluster.DeactivateAsync(ticket);
        fixture.Time.Advance(PastUrgentTarget);

        var swept = await fixture.Client.GetGrain<ISlaWatchGrain>(tenant).SweepAsync();

        Assert.Equal(0, swept);
        Assert.False((await ticket.GetAsync()).SlaBreached);
        Assert.Equal(["TicketCreated", "MessageAdded"], (await ticket.GetEventsAsync()).Select(e => e.Type));
    }

    [Fact]
    public async Task Internal_note_does_not_stop_the_clock()
    {
        var tenant = Tenants.New();
        var ticket = fixture.Client.Ticket(tenant, (await fixture.Client.OpenAsync(tenant, Commands.Create(priority: "urgent"))).Id);
        await ticket.AddMessageAsync("agent-1", "Ask the warehouse first.", true, "agent-1", null);
        await fixture.Cluster.DeactivateAsync(ticket);
        fixture.Time.Advance(PastUrgentTarget);

        Assert.Equal(1, await fixture.Client.GetGrain<ISlaWatchGrain>(tenant).SweepAsync());
        Assert.True((await ticket.GetAsync()).SlaBreached);
    }

    [Fact]
    public async Task Active_ticket_breaches_on_its_own_timer()
    {
        var tenant = Tenants.New();
        var ticket = fixture.Client.Ticket(tenant, (await fixture.Client.OpenAsync(tenant, Commands.Create(priority: "urgent"))).Id);

        fixture.Time.Advance(PastUrgentTarget);

        await Eventually.HoldsAsync(async () => (await ticket.GetAsync()).SlaBreached, "the ticket timer recorded the breach");
        Assert.Equal(["TicketCreated", "SlaBreached"], (await ticket.GetEventsAsync()).Select(e => e.Type));
    }
}
