using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.OrderEvents;
using TicketGrains.Grains.Tickets;
using Xunit;

namespace TicketGrains.Tests.OrderEvents;

public sealed class OrderEventDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 11, 8, 0, 0, TimeSpan.Zero);

    private static readonly OrderEventNotice Shipped = new("oms-1", "shipped", "20261111-42", "SF1234567890", "SF Express", Now.AddHours(-1));

    [Fact]
    public void An_order_event_is_applied_once_per_event_id()
    {
        var state = new TicketState();
        state.Apply(new TicketCreated(Guid.NewGuid(), Guid.NewGuid(), "web", "s", "b", "logistics", "normal", "general",
            new Dictionary<string, string> { ["orderNo"] = "20261111-42" }, "", null, Now.AddDays(-1)));

        var applied = OrderEventDecisions.Apply(state, Shipped, Now);
        Assert.Equal(new OrderEventApplied("oms-1", "shipped", "20261111-42", "SF1234567890", "SF Express", Now.AddHours(-1), Now), applied);
        state.Apply(applied!);

        Assert.Null(OrderEventDecisions.Apply(state, Shipped, Now.AddMinutes(1)));
        Assert.NotNull(OrderEventDecisions.Apply(state, Shipped with { EventId = "oms-2", Type = "delivered" }, Now.AddMinutes(1)));
    }

    [Fact]
    public void The_applied_event_round_trips_through_the_log_serializer()
    {
        var applied = new OrderEventApplied("oms-1", "shipped", "20261111-42", null, null, Now, Now);
        Assert.Equal(applied, EventSerializer.Deserialize("OrderEventApplied", EventSerializer.Serialize(applied)));
    }
}
