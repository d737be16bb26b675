namespace TicketGrains.Grains.Metering;

/// <summary>A tenant's plan: quotas by name (<see cref="QuotaKeys"/>) and burst credit for promotion days.</summary>
public sealed record UsagePlan(string Name, IReadOnlyDictionary<string, QuotaLimit> Quotas, IReadOnlyList<BurstCredit> Bursts)
{
    /// <summary>What a tenant without a plan has: no limits.</summary>
    public static UsagePlan Default { get; } = new("default", new Dictionary<string, QuotaLimit>(), []);

    /// <summary>The limit in force for a period starting at <paramref name="periodStart"/>: raised by the largest burst whose window holds that start.</summary>
    public long Effective(long limit, DateTimeOffset periodStart)
    {
        var extra = Bursts.Where(b => b.From <= periodStart && periodStart < b.To).Select(b => b.ExtraPercent).DefaultIfEmpty(0).Max();
        return limit + (limit * extra / 100);
    }
}
