using System.Text.Json;
using System.Text.Json.Nodes;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Sla;
using TicketGrains.Grains.Tickets;
using TicketGrains.Tests.Domain;
using Xunit;

namespace TicketGrains.Tests.Sla;

/// <summary>Events and snapshots written before SLA policies existed keep their first-response deadline.</summary>
public sealed class LegacySlaTests
{
    private static readonly DateTimeOffset T0 = TicketStates.T0;

    [Fact]
    public void A_ticket_created_without_a_plan_runs_a_first_reply_clock_to_its_stored_due_time()
    {
        var json = """{"ticketId":"6f1c2a7e-0000-4000-8000-0000000000aa","customerId":"6f1c2a7e-0000-4000-8000-000000000001","channel":"web","subject":"s","body":"b","category":"general","priority":"high","queue":"general","fields":{},"requestHash":"h","slaDueAt":"2025-03-03T13:00:00+00:00","at":"2025-03-03T09:00:00+00:00"}""";
        var state = new TicketState();

        state.Apply(EventSerializer.Deserialize(nameof(TicketCreated), json));
        state.Apply(EventSerializer.Deserialize(nameof(SlaBreached), """{"dueAt":"2025-03-03T13:00:00+00:00","at":"2025-03-03T13:00:01+00:00"}"""));

        var clock = Assert.Single(state.Sla.Clocks);
        Assert.Equal((SlaMetrics.FirstReply, T0.AddHours(4), T0.AddHours(4).AddSeconds(1)), (clock.Metric, clock.DueAt, clock.BreachedAt));
        Assert.Equal((DefaultSlaPlan.Name, 4 * 3600L), (state.Sla.Plan!.Policy, state.Sla.Plan.Targets.Single().Seconds));
    }

    [Theory]
    [InlineData(TicketStatus.Open, null)]
    [InlineData(TicketStatus.Pending, "2025-03-03T09:30:00+00:00")]
    public void A_snapshot_without_clocks_gets_back_its_unmet_first_reply_clock(string status, string? pausedSince)
    {
        var state = TicketStates.Created("urgent");
        state.Apply(new StatusChanged(TicketStatus.New, status, "agent-1", T0.AddMinutes(30)));
        var snapshot = JsonSerializer.SerializeToNode(state, EventSerializer.Options)!.AsObject();
        snapshot.Remove("sla");

        var restored = snapshot.Deserialize<TicketState>(EventSerializer.Options)!;

        var clock = Assert.Single(restored.Sla.Clocks);
        Assert.Equal((T0.AddHours(1), pausedSince is null ? null : DateTimeOffset.Parse(pausedSince, System.Globalization.CultureInfo.InvariantCulture)),
            (clock.DueAt, clock.PausedSince));
    }

    [Fact]
    public void A_snapshot_with_clocks_is_read_as_it_was_written()
    {
        var state = TicketStates.Created("urgent");
        state.Apply(new StatusChanged(TicketStatus.New, TicketStatus.Pending, "agent-1", T0.AddMinutes(30)));
        state.Apply(new StatusChanged(TicketStatus.Pending, TicketStatus.Open, "agent-1", T0.AddMinutes(50)));

        var restored = JsonSerializer.Deserialize<TicketState>(JsonSerializer.Serialize(state, EventSerializer.Options), EventSerializer.Options)!;

        Assert.Equal((T0.AddMinutes(80), (DateTimeOffset?)null), (restored.Sla.Clocks.Single().DueAt, restored.Sla.Clocks.Single().PausedSince));
        Assert.Same(state.Sla.Plan, restored.Sla.Plan);
        Assert.IsType<JsonObject>(JsonSerializer.SerializeToNode(restored, EventSerializer.Options)!["sla"]);
    }
}
