namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// A customer across channels: identities, profile, open tickets, and the customers merged into it. The API adds the
/// recent tickets, orders and address from the read model and tickets (<see cref="RecentTickets"/>, <see cref="OrdersMentioned"/>,
/// <see cref="Address"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.CustomerView")]
public sealed record class CustomerView
{
    [Id(0)] public required Guid Id { get; init; }
    [Id(1)] public required string TenantId { get; init; }
    [Id(2)] public string? Name { get; init; }
    [Id(3)] public required string Tier { get; init; }
    [Id(6)] public required IReadOnlyList<CustomerIdentity> Identities { get; init; }
    [Id(5)] public required IReadOnlyList<Guid> OpenTickets { get; init; }
    [Id(7)] public string? Phone { get; init; }
    [Id(8)] public string? Email { get; init; }

    /// <summary>The customers merged into this one (directly or through another) and now answering as it.</summary>
    [Id(9)] public IReadOnlyList<Guid> MergedCustomers { get; init; } = [];

    /// <summary>The merges in force that made this customer: each can be undone by its mergeId.</summary>
    [Id(10)] public IReadOnlyList<CustomerMerge> Merges { get; init; } = [];

    [Id(11)] public IReadOnlyList<CustomerTicket> RecentTickets { get; init; } = [];
    [Id(12)] public IReadOnlyList<string> OrdersMentioned { get; init; } = [];
    [Id(13)] public string? LastOrderNo { get; init; }

    /// <summary>The postal address of the customer's most recent tickets that carry one in an address field.</summary>
    [Id(14)] public string? Address { get; init; }
}
