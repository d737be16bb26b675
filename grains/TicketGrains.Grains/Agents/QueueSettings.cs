using System.Text.Json;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Agents;

/// <summary>A queue's persisted settings (Orleans grain storage on PostgreSQL): its definition and the agents serving it.</summary>
[GenerateSerializer, Alias("TicketGrains.QueueSettings")]
public sealed class QueueSettings
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The definition as JSON, null until the queue is defined. Kept as text: the storage serializer fills collections
    /// that already have a value in place, so the definition's immutable defaults would come back instead of what was stored.
    /// </summary>
    [Id(0)] public string? DefinitionJson { get; set; }

    /// <summary>Agents whose definition names this queue; a push queue asks them for their status when it activates.</summary>
    [Id(1)] public HashSet<string> Members { get; set; } = [];

    /// <summary>The stored definition, or <see cref="QueueDefinition.Default"/> when the queue was never defined.</summary>
    public QueueDefinition Definition() =>
        DefinitionJson is null ? QueueDefinition.Default : JsonSerializer.Deserialize<QueueDefinition>(DefinitionJson, Json) ?? QueueDefinition.Default;

    public void Define(QueueDefinition definition) => DefinitionJson = JsonSerializer.Serialize(definition, Json);
}
