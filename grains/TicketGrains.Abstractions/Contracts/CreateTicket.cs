namespace TicketGrains.Abstractions.Contracts;

/// <summary>A validated request to open a ticket.</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.CreateTicket")]
public sealed record class CreateTicket
{
    [Id(0)] public required string Channel { get; init; }
    [Id(1)] public required Guid CustomerId { get; init; }
    [Id(2)] public required string CustomerTier { get; init; }
    [Id(3)] public required string Subject { get; init; }
    [Id(4)] public required string Body { get; init; }
    [Id(5)] public required string Category { get; init; }
    [Id(6)] public required string Priority { get; init; }
    [Id(7)] public required IReadOnlyDictionary<string, string> Fields { get; init; }

    /// <summary>Fingerprint of the original request, so a retried Idempotency-Key with another body is refused.</summary>
    [Id(8)] public required string RequestHash { get; init; }

    /// <summary>The inbound channel message the ticket opens with, and why it opened a new ticket; null for API creates.</summary>
    [Id(9)] public InboundOrigin? Inbound { get; init; }

    /// <summary>The category the classifier proposed for an inbound message it was not sure enough of to set; null otherwise.</summary>
    [Id(10)] public CategoryConfidence? ProposedCategory { get; init; }
}
