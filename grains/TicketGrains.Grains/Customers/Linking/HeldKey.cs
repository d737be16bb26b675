namespace TicketGrains.Grains.Customers.Linking;

/// <summary>A key found in a contact and the customers (their survivors after merges) that gave it before.</summary>
public sealed record HeldKey(StrongKey Key, IReadOnlySet<Guid> Holders);
