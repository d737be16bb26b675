namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// An agent asking a queue for a ticket: its skills and the channel kinds it has room for (null: any kind), so the
/// queue hands out only a ticket the agent may take.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.Taker")]
public sealed record class Taker(
    [property: Id(0)] string AgentId,
    [property: Id(1)] IReadOnlyDictionary<string, int> Skills,
    [property: Id(2)] IReadOnlySet<string>? RoomFor)
{
    /// <summary>An agent with no skills and no capacity limits, as every agent was before agents were defined.</summary>
    public static Taker Plain(string agentId) => new(agentId, new Dictionary<string, int>(), null);
}
