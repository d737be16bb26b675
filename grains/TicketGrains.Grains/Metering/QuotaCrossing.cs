namespace TicketGrains.Grains.Metering;

/// <summary>A tenant's usage has reached a quota's limit (<paramref name="Hard"/> or soft) in the period [<paramref name="PeriodStart"/>, <paramref name="PeriodEnd"/>).</summary>
public sealed record QuotaCrossing(string Quota, string Measure, long Used, long Limit, bool Hard, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd);
