namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// An agent's skills with levels, capacity per channel kind ("email", "chat", "voice") and the queues it serves
/// (PUT /api/v1/agents/{agentId}). An empty capacity means no limit; a kind missing from a non-empty one means none.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.AgentDefinition")]
public sealed record class AgentDefinition(
    [property: Id(0)] IReadOnlyDictionary<string, int> Skills,
    [property: Id(1)] IReadOnlyDictionary<string, int> Capacity,
    [property: Id(2)] IReadOnlyList<string> Queues);
