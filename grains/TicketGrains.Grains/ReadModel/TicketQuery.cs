namespace TicketGrains.Grains.ReadModel;

/// <summary>
/// A filtered, keyset-paged listing of one tenant's tickets, oldest first; <paramref name="SlaDueBefore"/> keeps the
/// tickets whose running SLA deadline is at or before that time (the supervisor's warnings and breaches).
/// </summary>
public sealed record TicketQuery(
    string TenantId,
    string? Status,
    string? Queue,
    Guid? CustomerId,
    string? Category,
    TicketCursor? After,
    int Limit,
    string? Assignee = null,
    DateTimeOffset? SlaDueBefore = null);

/// <summary>One listed ticket, straight from the read model.</summary>
public sealed record TicketSummary(int Version, TicketRow Row);

/// <summary>A page of tickets and the cursor of the next page (null on the last one).</summary>
public sealed record TicketPage(IReadOnlyList<TicketSummary> Items, string? NextCursor);
