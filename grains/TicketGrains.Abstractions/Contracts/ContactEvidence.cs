namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// What a ticket created through the API tells about its customer, for the linker: the identity, the details given with
/// it, and the ticket's text and order number. Crosses one grain hop in memory; the linker stores only keyed hashes.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.ContactEvidence")]
public sealed record class ContactEvidence
{
    [Id(0)] public required Guid CustomerId { get; init; }
    [Id(1)] public required string Channel { get; init; }
    [Id(2)] public required string ExternalId { get; init; }
    [Id(3)] public string? Phone { get; init; }
    [Id(4)] public string? Email { get; init; }
    [Id(5)] public string? OrderNo { get; init; }
    [Id(6)] public required string Text { get; init; }
}
