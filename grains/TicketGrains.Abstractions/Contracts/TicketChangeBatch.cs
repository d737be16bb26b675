namespace TicketGrains.Abstractions.Contracts;

/// <summary>The ticket changes of one committed batch for one tenant, as one stream item.</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.TicketChangeBatch")]
public sealed record class TicketChangeBatch([property: Id(0)] IReadOnlyList<TicketChange> Changes);
