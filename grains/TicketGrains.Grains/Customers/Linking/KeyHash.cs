namespace TicketGrains.Grains.Customers.Linking;

/// <summary>A strong key as the lookup table holds it: its kind in clear, its value only as the tenant's keyed hash.</summary>
public sealed record KeyHash(string Kind, string Hash);
