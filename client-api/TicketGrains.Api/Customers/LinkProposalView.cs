namespace TicketGrains.Api.Customers;

/// <summary>
/// A link the linker proposed instead of making: between the customer whose contact raised it and another customer,
/// with the kinds of key that pointed there and why (no key values). Merge with POST /customers/{id}/merge.
/// </summary>
public sealed record LinkProposalView(Guid ProposalId, Guid CustomerId, Guid OtherCustomerId, IReadOnlyList<string> KeyKinds, string Reason, DateTimeOffset CreatedAt);
