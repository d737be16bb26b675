using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.AutoFill.Intents;

/// <summary>
/// What a classification does to a new ticket: at or above the threshold the predicted category is the ticket's (it
/// routes and picks the SLA policy); below it the ticket keeps the default category and the prediction is proposed,
/// with its confidence, for an agent to confirm.
/// </summary>
public sealed record CategoryDecision(string Category, CategoryConfidence? Proposed)
{
    /// <summary>Nothing to classify (a picture, an event without text): the default category, nothing proposed.</summary>
    public static CategoryDecision None { get; } = new(TicketCatalog.DefaultCategory, null);

    public static CategoryDecision For(IntentClassification classification, double setFrom) =>
        classification.Confidence >= setFrom
            ? new CategoryDecision(classification.Category, null)
            : new CategoryDecision(TicketCatalog.DefaultCategory, new CategoryConfidence(classification.Category, classification.Confidence));
}
