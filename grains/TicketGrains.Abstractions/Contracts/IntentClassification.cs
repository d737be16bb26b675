namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// The category a message most likely belongs to, with the model's probability for it (0..1), and the next most likely
/// categories, most likely first.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.IntentClassification")]
public sealed record IntentClassification(
    [property: Id(0)] string Category,
    [property: Id(1)] double Confidence,
    [property: Id(2)] IReadOnlyList<CategoryConfidence> Alternatives);
