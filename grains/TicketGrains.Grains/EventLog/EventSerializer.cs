using System.Text.Json;
using System.Text.Json.Serialization;
using TicketGrains.Grains.Agents;
using TicketGrains.Grains.Attachments;
using TicketGrains.Grains.AutoFill.Proposals;
using TicketGrains.Grains.Channels;
using TicketGrains.Grains.Channels.Outbound;
using TicketGrains.Grains.Customers;
using TicketGrains.Grains.Customers.Linking;
using TicketGrains.Grains.OrderEvents;
using TicketGrains.Grains.Routing;
using TicketGrains.Grains.Rules;
using TicketGrains.Grains.Sla;
using TicketGrains.Grains.Surges;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.EventLog;

/// <summary>
/// Turns events into the JSON stored in tg_events.data and back. The type name is stored in its own
/// column, so the JSON carries only the event's fields.
/// </summary>
public static class EventSerializer
{
    private static readonly Dictionary<string, Type> TypesByName = new[]
    {
        typeof(TicketCreated), typeof(MessageAdded), typeof(StatusChanged), typeof(AssigneeChanged),
        typeof(SlaBreached), typeof(SlaWarned), typeof(TicketClaimed), typeof(ClaimAccepted), typeof(ClaimReturned), typeof(TicketRequeued), typeof(TicketOverflowed),
        typeof(CustomerRegistered), typeof(CustomerProfileUpdated), typeof(IdentityClaimed), typeof(CustomersMerged), typeof(CustomersUnmerged),
        typeof(OrderEventApplied),
        typeof(TicketRouted), typeof(PriorityChanged), typeof(TagsChanged), typeof(FieldsChanged), typeof(TriggersFired),
        typeof(InboundMessageReceived), typeof(InboundMessageThreaded),
        typeof(AttachmentAdded), typeof(AttachmentFetchFailed),
        typeof(ReplyDelivered),
        typeof(FieldsProposed), typeof(ProposedFieldAccepted), typeof(ProposedFieldRejected),
        typeof(SurgeDetected), typeof(SurgeEnded),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string TypeName(IDomainEvent e) => e.GetType().Name;

    public static string Serialize(IDomainEvent e) => JsonSerializer.Serialize(e, e.GetType(), Options);

    public static IDomainEvent Deserialize(string typeName, string json)
    {
        if (!TypesByName.TryGetValue(typeName, out var type))
        {
            throw new InvalidOperationException($"Unknown event type '{typeName}' in the event log.");
        }

        return (IDomainEvent)(JsonSerializer.Deserialize(json, type, Options)
            ?? throw new InvalidOperationException($"Event of type '{typeName}' has an empty body."));
    }
}
