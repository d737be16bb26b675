namespace TicketGrains.Abstractions.Contracts;

/// <summary>One stored version of a tenant's rule or template document (the JSON as written).</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.RuleVersion")]
public sealed record RuleVersion(
    [property: Id(0)] string Id,
    [property: Id(1)] int Version,
    [property: Id(2)] string Document,
    [property: Id(3)] string UpdatedBy,
    [property: Id(4)] DateTimeOffset UpdatedAt);
