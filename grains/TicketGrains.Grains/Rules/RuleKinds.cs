namespace TicketGrains.Grains.Rules;

/// <summary>Rule types and the ticket event kinds event rules listen to.</summary>
public static class RuleKinds
{
    public const string Routing = "routing";
    public const string Event = "event";
    public const string Time = "time";
    public static readonly string[] Types = [Routing, Event, Time];

    public const string TicketCreated = "ticket.created";
    public const string TicketUpdated = "ticket.updated";
    public const string MessageAdded = "message.added";
    public const string OrderEvent = "order_event";
    public const string SlaWarning = "sla.warning";
    public const string SlaBreached = "sla.breached";
    public static readonly string[] Events = [TicketCreated, TicketUpdated, MessageAdded, OrderEvent, SlaWarning, SlaBreached];
}
