namespace TicketGrains.Grains.Metering;

/// <summary>A soft quota reached: recorded once per tenant, quota and period.</summary>
public sealed record QuotaWarning(string Quota, DateTimeOffset PeriodStart, long Used, long Limit, DateTimeOffset WarnedAt);
