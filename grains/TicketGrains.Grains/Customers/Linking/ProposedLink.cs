namespace TicketGrains.Grains.Customers.Linking;

/// <summary>
/// A link the linker would not make on its own: the other customer and why, in words that hold no personal data
/// (the kinds of key, never their values).
/// </summary>
public sealed record ProposedLink(Guid OtherCustomerId, IReadOnlyList<string> KeyKinds, string Reason);
