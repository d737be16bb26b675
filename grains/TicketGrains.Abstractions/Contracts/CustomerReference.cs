namespace TicketGrains.Abstractions.Contracts;

/// <summary>Who a ticket is from: one identity on one channel plus optional profile data.</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.CustomerReference")]
public sealed record class CustomerReference
{
    [Id(0)] public required string Channel { get; init; }
    [Id(1)] public required string ExternalId { get; init; }
    [Id(2)] public string? Name { get; init; }
    [Id(3)] public string? Phone { get; init; }
    [Id(4)] public string? Email { get; init; }
    [Id(5)] public string? Tier { get; init; }
}
