namespace TicketGrains.Grains.Agents;

/// <summary>An agent's persisted settings (Orleans grain storage on PostgreSQL).</summary>
[GenerateSerializer, Alias("TicketGrains.AgentSettings")]
public sealed class AgentSettings
{
    /// <summary>Queues in the order the agent pulls from them; empty means every queue.</summary>
    [Id(0)] public List<string> Queues { get; set; } = [];
}
