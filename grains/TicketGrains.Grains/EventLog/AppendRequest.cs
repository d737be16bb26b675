using TicketGrains.Grains.ReadModel;

namespace TicketGrains.Grains.EventLog;

/// <summary>
/// One event to append at an exact stream version. <paramref name="Row"/> is the ticket's read-model
/// row after the event, written in the same statement so readers never see the event without it.
/// <paramref name="OrderNo"/> files the ticket under an order number (tg_order_tickets) in that same statement (the
/// event that gave the ticket a new order number: its creation, or a later fill or change of the field): a
/// separate transaction per create cost a round trip and a commit of its own and halved creation throughput.
/// </summary>
public sealed record AppendRequest(
    string TenantId,
    string StreamId,
    int Version,
    string EventType,
    string Json,
    TicketRow? Row,
    string? OrderNo = null);
