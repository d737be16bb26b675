namespace TicketGrains.Grains.Metering;

/// <summary>A quota's limits: reaching <paramref name="Soft"/> warns once per period; reaching <paramref name="Hard"/> refuses more until the period ends.</summary>
public sealed record QuotaLimit(long? Soft, long? Hard);
