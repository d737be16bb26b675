namespace TicketGrains.Abstractions.Contracts;

/// <summary>An agent: the queues it pulls from in the order they are tried, its skills, capacity, presence and load.</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.AgentProfile")]
public sealed record class AgentProfile(
    [property: Id(0)] string AgentId,
    [property: Id(1)] IReadOnlyList<string> Queues)
{
    [Id(2)] public IReadOnlyDictionary<string, int> Skills { get; init; } = new Dictionary<string, int>();

    [Id(3)] public IReadOnlyDictionary<string, int> Capacity { get; init; } = new Dictionary<string, int>();

    /// <summary>"online", "away" (also after the idle timeout) or "offline".</summary>
    [Id(4)] public string Presence { get; init; } = Catalog.AgentPresence.Online;

    /// <summary>Tickets the agent holds (new or open), by channel kind.</summary>
    [Id(5)] public IReadOnlyDictionary<string, int> Load { get; init; } = new Dictionary<string, int>();
}
