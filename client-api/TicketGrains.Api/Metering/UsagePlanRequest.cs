namespace TicketGrains.Api.Metering;

/// <summary>The body of PUT /api/v1/usage/plan.</summary>
public sealed record UsagePlanRequest(string? Name, Dictionary<string, UsagePlanRequest.Limit?>? Quotas, List<UsagePlanRequest.Burst?>? Bursts)
{
    public sealed record Limit(long? Soft, long? Hard);

    public sealed record Burst(DateTimeOffset? From, DateTimeOffset? To, int? ExtraPercent);
}
