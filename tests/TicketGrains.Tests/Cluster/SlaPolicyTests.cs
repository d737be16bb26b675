using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;
using Xunit;

namespace TicketGrains.Tests.Cluster;

/// <summary>A tenant's SLA policy through the grains: the plan a new ticket gets, its warning and escalated breach from the sweep.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SlaPolicyTests(ClusterFixture fixture)
{
    private static readonly SlaPolicyDocument Vip = new()
    {
        Conditions = new SlaConditions { Tier = ["vip"] },
        WarnBeforeSeconds = 120,
        Targets = [new SlaTarget { Metric = "first_reply", Seconds = 600 }, new SlaTarget { Metric = "agent_work", Seconds = 3600 }],
        Escalation = new SlaEscalation { RaisePriority = true, Queue = "escalations", Notify = "lead-1" },
    };

    [Fact]
    public async Task A_matching_ticket_is_warned_then_breached_and_escalated_once_by_the_sweep()
    {
        var tenant = Tenants.New();
        await fixture.Client.GetGrain<ISlaPolicyGrain>(tenant).PutPolicyAsync("vip", Vip, "sue");
        var created = await fixture.Client.OpenAsync(tenant, Commands.Create(category: "refund", tier: "vip"));
        var regular = await fixture.Client.OpenAsync(tenant, Commands.Create(category: "refund"));
        var ticket = fixture.Client.Ticket(tenant, created.Id);
        var sweep = fixture.Client.GetGrain<ISlaWatchGrain>(tenant);
        var now = fixture.Time.GetUtcNow();

        Assert.Equal([("first_reply", now.AddMinutes(10)), ("agent_work", now.AddHours(1))], created.SlaClocks.Select(c => (c.Metric, c.DueAt)));
        Assert.Equal(["first_reply"], regular.SlaClocks.Select(c => c.Metric));
        await fixture.Cluster.DeactivateAsync(ticket);

        fixture.Time.Advance(TimeSpan.FromMinutes(8));
        await sweep.SweepAsync();
        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        await sweep.SweepAsync();
        await sweep.SweepAsync();

        Assert.Equal(["TicketCreated", "SlaWarned", "SlaBreached"], (await ticket.GetEventsAsync()).Select(e => e.Type));
        var escalated = await ticket.GetAsync();
        Assert.Equal(("high", "escalations", true), (escalated.Priority, escalated.Queue, escalated.SlaBreached));
        Assert.Equal(now.AddMinutes(10), escalated.SlaClocks[0].BreachedAt);
        await Eventually.HoldsAsync(
            async () => (await Queue(tenant, "escalations").CountAsync(), await Queue(tenant, created.Queue).CountAsync()) == (1, 0),
            $"the escalated ticket left queue '{created.Queue}' for the escalation queue");
    }

    [Fact]
    public async Task A_breach_that_raises_the_priority_moves_the_other_clocks_to_the_higher_priority_targets()
    {
        var tenant = Tenants.New();
        var tiered = Vip with
        {
            Targets =
            [
                new SlaTarget { Metric = "first_reply", Seconds = 600 },
                new SlaTarget { Metric = "agent_work", Priority = "normal", Seconds = 3600 },
                new SlaTarget { Metric = "agent_work", Priority = "high", Seconds = 1800 },
            ],
        };
        await fixture.Client.GetGrain<ISlaPolicyGrain>(tenant).PutPolicyAsync("vip", tiered, "sue");
        var created = await fixture.Client.OpenAsync(tenant, Commands.Create(category: "refund", tier: "vip", priority: "normal"));
        var ticket = fixture.Client.Ticket(tenant, created.Id);
        var now = fixture.Time.GetUtcNow();
        Assert.Equal(now.AddHours(1), created.SlaClocks.Single(c => c.Metric == "agent_work").DueAt);

        fixture.Time.Advance(TimeSpan.FromMinutes(10));
        await fixture.Client.GetGrain<ISlaWatchGrain>(tenant).SweepAsync();

        var escalated = await ticket.GetAsync();
        Assert.Equal("high", escalated.Priority);
        Assert.Equal(
            [("first_reply", now.AddMinutes(10), (DateTimeOffset?)now.AddMinutes(10)), ("agent_work", now.AddMinutes(30), null)],
            escalated.SlaClocks.Select(c => (c.Metric, c.DueAt, c.BreachedAt)));
    }

    private IAgentQueueGrain Queue(string tenant, string name) => fixture.Client.GetGrain<IAgentQueueGrain>(GrainKeys.For(tenant, name));
}
