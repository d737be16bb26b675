namespace TicketGrains.Grains.ReadModel;

/// <summary>The read-model row a ticket event leaves behind (tg_tickets), written with the event.</summary>
public sealed record TicketRow(
    Guid TicketId,
    string Status,
    string Category,
    string Priority,
    string Queue,
    Guid CustomerId,
    string? Assignee,
    string Channel,
    string Subject,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SlaDueAt,
    DateTimeOffset? ClaimDueAt = null);
