namespace TicketGrains.Abstractions.Contracts;

/// <summary>A ticket category with the classifier's probability for it (0..1).</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.CategoryConfidence")]
public sealed record CategoryConfidence([property: Id(0)] string Category, [property: Id(1)] double Confidence);
