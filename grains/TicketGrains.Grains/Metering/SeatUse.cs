namespace TicketGrains.Grains.Metering;

/// <summary>An agent acted for a tenant in an hour (UTC, the hour's start).</summary>
public readonly record struct SeatUse(string Tenant, DateTimeOffset Hour, string Agent);
