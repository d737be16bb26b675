using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Agents;

/// <summary>A queue's persisted settings (Orleans grain storage on PostgreSQL): its definition and the agents serving it.</summary>
[GenerateSerializer, Alias("TicketGrains.QueueSettings")]
public sealed class QueueSettings
{
    /// <summary>Null until the queue is defined: then <see cref="QueueDefinition.Default"/> applies.</summary>
    [Id(0)] public QueueDefinition? Definition { get; set; }

    /// <summary>Agents whose definition names this queue; a push queue asks them for their status when it activates.</summary>
    [Id(1)] public HashSet<string> Members { get; set; } = [];
}
