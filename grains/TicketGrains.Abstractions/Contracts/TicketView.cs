namespace TicketGrains.Abstractions.Contracts;

/// <summary>The current state of one ticket, as returned by the API.</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.TicketView")]
public sealed record class TicketView
{
    [Id(0)] public required Guid Id { get; init; }
    [Id(1)] public required string TenantId { get; init; }
    [Id(2)] public required string Status { get; init; }
    [Id(3)] public required string Category { get; init; }
    [Id(4)] public required string Priority { get; init; }
    [Id(5)] public required string Queue { get; init; }
    [Id(6)] public required Guid CustomerId { get; init; }
    [Id(7)] public string? Assignee { get; init; }
    [Id(8)] public required string Channel { get; init; }
    [Id(9)] public required string Subject { get; init; }
    [Id(10)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(11)] public required DateTimeOffset UpdatedAt { get; init; }
    [Id(12)] public DateTimeOffset? SlaDueAt { get; init; }
    [Id(13)] public bool SlaBreached { get; init; }
    [Id(14)] public required int Version { get; init; }
    [Id(15)] public required IReadOnlyDictionary<string, string> Fields { get; init; }
    [Id(16)] public required IReadOnlyList<TicketMessageView> Messages { get; init; }

    /// <summary>
    /// Set while the assignee was handed the ticket by a pull and has not acknowledged it (accept, first read, a
    /// message or status change of theirs): at this time it goes back to its queue.
    /// </summary>
    [Id(17)] public DateTimeOffset? AcceptBy { get; init; }

    /// <summary>Every SLA clock the ticket has (running, paused or breached); a fulfilled or ended clock is gone.</summary>
    [Id(18)] public IReadOnlyList<SlaClockView> SlaClocks { get; init; } = [];

    /// <summary>Skills an agent needs for the ticket, set by its routing.</summary>
    [Id(19)] public IReadOnlyList<string> Skills { get; init; } = [];

    /// <summary>Tags set by routing and rules.</summary>
    [Id(20)] public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>
    /// The category the classifier proposed for the message the ticket opened with, with its confidence, when it was not
    /// sure enough to set it (the ticket kept "general"); null when it set the category or nothing was classified.
    /// </summary>
    [Id(21)] public CategoryConfidence? ProposedCategory { get; init; }

    /// <summary>
    /// Field values read from the ticket's text, screenshots or voice notes that wait for an agent's accept or reject
    /// (POST /api/v1/tickets/{id}/proposed-fields/{name}/accept or /reject), at most one per field name.
    /// </summary>
    [Id(22)] public IReadOnlyList<ProposedFieldView> ProposedFields { get; init; } = [];

    /// <summary>
    /// Where each field filled in by reading came from ("text", "ocr", "speech"; "agent" for a proposal corrected on
    /// accepting it); a field given when the ticket was created, or set by a rule, has no entry.
    /// </summary>
    [Id(23)] public IReadOnlyDictionary<string, string> FieldSources { get; init; } = new Dictionary<string, string>();
}
