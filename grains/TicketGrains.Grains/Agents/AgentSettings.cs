using TicketGrains.Abstractions.Catalog;

namespace TicketGrains.Grains.Agents;

/// <summary>An agent's persisted settings (Orleans grain storage on PostgreSQL).</summary>
[GenerateSerializer, Alias("TicketGrains.AgentSettings")]
public sealed class AgentSettings
{
    /// <summary>Queues in the order the agent pulls from them; empty means every queue.</summary>
    [Id(0)] public List<string> Queues { get; set; } = [];

    /// <summary>Skill name to level.</summary>
    [Id(1)] public Dictionary<string, int> Skills { get; set; } = [];

    /// <summary>Channel kind to the most tickets of that kind held at once; empty means no limit.</summary>
    [Id(2)] public Dictionary<string, int> Capacity { get; set; } = [];

    [Id(3)] public string Presence { get; set; } = AgentPresence.Online;

    /// <summary>The last presence change, the start of the idle timeout after a reactivation.</summary>
    [Id(4)] public DateTimeOffset PresenceChangedAt { get; set; }
}
