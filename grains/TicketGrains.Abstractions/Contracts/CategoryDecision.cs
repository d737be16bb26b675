using TicketGrains.Abstractions.Catalog;

namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// What a classification does to a new ticket: at or above the threshold the predicted category is the ticket's (it
/// routes and picks the SLA policy); below it the ticket keeps the default category and the prediction is proposed,
/// with its confidence, for an agent to confirm.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.CategoryDecision")]
public sealed record CategoryDecision([property: Id(0)] string Category, [property: Id(1)] CategoryConfidence? Proposed)
{
    /// <summary>Nothing to classify (a picture, an event without text): the default category, nothing proposed.</summary>
    public static CategoryDecision None { get; } = new(TicketCatalog.DefaultCategory, null);

    public static CategoryDecision For(IntentClassification classification, double setFrom) =>
        classification.Confidence >= setFrom
            ? new CategoryDecision(classification.Category, null)
            : new CategoryDecision(TicketCatalog.DefaultCategory, new CategoryConfidence(classification.Category, classification.Confidence));
}
