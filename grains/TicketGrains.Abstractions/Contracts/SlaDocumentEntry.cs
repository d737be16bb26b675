namespace TicketGrains.Abstractions.Contracts;

/// <summary>A stored SLA policy or calendar with its version (1 on first PUT, +1 on each PUT after).</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.SlaDocumentEntry`1")]
public sealed record class SlaDocumentEntry<T>(
    [property: Id(0)] string Name,
    [property: Id(1)] int Version,
    [property: Id(2)] string UpdatedBy,
    [property: Id(3)] DateTimeOffset UpdatedAt,
    [property: Id(4)] T Document)
    where T : class;
