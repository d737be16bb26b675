namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// What opening a ticket needs to know about its customer. Deliberately small: it crosses two grain
/// hops on every ticket creation, unlike the full <see cref="CustomerView"/> with its open tickets.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.CustomerSummary")]
public sealed record class CustomerSummary([property: Id(0)] Guid Id, [property: Id(1)] string Tier);
