namespace TicketGrains.Abstractions.Contracts;

/// <summary>What SLA policy conditions look at when a ticket is created.</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.SlaTicketFacts")]
public sealed record class SlaTicketFacts(
    [property: Id(0)] string Category,
    [property: Id(1)] string Tier,
    [property: Id(2)] string Channel,
    [property: Id(3)] string Priority);
