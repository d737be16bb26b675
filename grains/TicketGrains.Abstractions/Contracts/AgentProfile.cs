namespace TicketGrains.Abstractions.Contracts;

/// <summary>The queues an agent pulls from, in the order they are tried.</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.AgentProfile")]
public sealed record class AgentProfile(
    [property: Id(0)] string AgentId,
    [property: Id(1)] IReadOnlyList<string> Queues);
