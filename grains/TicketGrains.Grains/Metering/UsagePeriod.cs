namespace TicketGrains.Grains.Metering;

/// <summary>A tenant's usage in one period (an hour or a UTC day) starting at <paramref name="Start"/>.</summary>
public sealed record UsagePeriod(
    DateTimeOffset Start,
    long Tickets,
    long Messages,
    long ActiveSeats,
    long AutomationRuns,
    long WebhookDeliveries,
    long StorageBytes);
