using TicketGrains.Grains.ReadModel;

namespace TicketGrains.Grains.EventLog;

/// <summary>
/// One event to append at an exact stream version. <paramref name="Row"/> is the ticket's read-model
/// row after the event, written in the same statement so readers never see the event without it.
/// </summary>
public sealed record AppendRequest(
    string TenantId,
    string StreamId,
    int Version,
    string EventType,
    string Json,
    TicketRow? Row);
