namespace TicketGrains.Abstractions.Contracts;

/// <summary>A customer with their identities and open tickets.</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.CustomerView")]
public sealed record class CustomerView
{
    [Id(0)] public required Guid Id { get; init; }
    [Id(1)] public required string TenantId { get; init; }
    [Id(2)] public string? Name { get; init; }
    [Id(3)] public required string Tier { get; init; }
    [Id(4)] public required IReadOnlyList<string> Identities { get; init; }
    [Id(5)] public required IReadOnlyList<Guid> OpenTickets { get; init; }
}
