using TicketGrains.Grains.Customers;
using TicketGrains.Grains.Customers.Linking;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Tickets;
using Xunit;

namespace TicketGrains.Tests.Domain;

public sealed class EventSerializerTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 3, 17, 4, 5, 678, TimeSpan.FromHours(8));
    private static readonly Guid Id = Guid.Parse("01959a3c-7e2f-7abc-8def-0123456789ab");

    public static TheoryData<IDomainEvent> Events => new()
    {
        new MessageAdded("agent-1", "Line one\nline two \"quoted\" 中文", true, At),
        new StatusChanged("new", "on_hold", "agent-1", At),
        new AssigneeChanged(null, "ann", "lead", At),
        new AssigneeChanged("ann", null, "lead", At),
        new SlaBreached(At.AddHours(-1), At),
        new CustomerRegistered(Id, "wechat:wx-42", "Li Lei", null, "li@example.com", "vip", At),
        new CustomerProfileUpdated("email:li@example.com", null, "+86 138 0000 0000", null, "gold", At),
        new IdentityClaimed(Id, At),
        new CustomersMerged(Id, Guid.Parse("01959a3c-7e2f-7abc-8def-0123456789ac"), Id, "linker", "the contact's order number belongs to this customer alone", At),
        new CustomersUnmerged(Id, "sam", At),
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Event_round_trips_through_its_type_name(IDomainEvent e)
    {
        var back = EventSerializer.Deserialize(EventSerializer.TypeName(e), EventSerializer.Serialize(e));

        Assert.Equal(e, back);
        Assert.Equal(e.At.Offset, back.At.Offset);
    }

    [Fact]
    public void Ticket_created_round_trips_with_its_fields()
    {
        var e = new TicketCreated(Id, Guid.NewGuid(), "web", "Parcel", "Where is it?", "logistics", "urgent", "logistics",
            new Dictionary<string, string> { ["orderId"] = "A-1001", ["sku"] = "X-9" }, "ABCDEF", At.AddHours(1), At);

        var back = Assert.IsType<TicketCreated>(EventSerializer.Deserialize("TicketCreated", EventSerializer.Serialize(e)));

        Assert.Equal(e.Fields.OrderBy(kv => kv.Key), back.Fields.OrderBy(kv => kv.Key));
        Assert.Equal(e, back with { Fields = e.Fields });
    }

    [Fact]
    public void Type_name_is_the_record_name() =>
        Assert.Equal("AssigneeChanged", EventSerializer.TypeName(new AssigneeChanged(null, "ann", "lead", At)));

    [Fact]
    public void Null_fields_are_left_out_of_the_json() =>
        Assert.Equal("""{"to":"ann","actor":"lead","at":"2025-03-03T17:04:05.678+08:00"}""",
            EventSerializer.Serialize(new AssigneeChanged(null, "ann", "lead", At)));

    [Fact]
    public void Unknown_event_type_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => EventSerializer.Deserialize("TicketDeleted", "{}"));

        Assert.Equal("Unknown event type 'TicketDeleted' in the event log.", error.Message);
    }

    [Fact]
    public void Empty_event_body_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => EventSerializer.Deserialize("SlaBreached", "null"));
}
