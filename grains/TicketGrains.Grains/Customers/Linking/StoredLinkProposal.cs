namespace TicketGrains.Grains.Customers.Linking;

/// <summary>A recorded proposal: the contact's customer, the other one, the kinds of key that pointed there and why.</summary>
public sealed record StoredLinkProposal(Guid ProposalId, Guid CustomerId, Guid OtherCustomerId, IReadOnlyList<string> KeyKinds, string Reason, DateTimeOffset At);
