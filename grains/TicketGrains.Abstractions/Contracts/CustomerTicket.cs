namespace TicketGrains.Abstractions.Contracts;

/// <summary>One of a customer's tickets as the customer context lists it, on whichever channel it came.</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.CustomerTicket")]
public sealed record class CustomerTicket
{
    [Id(0)] public required Guid Id { get; init; }
    [Id(1)] public required string Channel { get; init; }
    [Id(2)] public required string Status { get; init; }
    [Id(3)] public required string Subject { get; init; }
    [Id(4)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(5)] public required DateTimeOffset UpdatedAt { get; init; }
}
