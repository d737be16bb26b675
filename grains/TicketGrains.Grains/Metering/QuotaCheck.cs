namespace TicketGrains.Grains.Metering;

/// <summary>Which of a plan's quotas a tenant's usage of the current hour and UTC day has reached at <c>now</c>.</summary>
public static class QuotaCheck
{
    /// <summary>The quotas reached, hard and soft, with the period each holds for.</summary>
    /// <param name="plan">The tenant's plan; its bursts raise the limits of periods that start in them.</param>
    /// <param name="used">The usage of the current period by measure and period (<see cref="QuotaKeys.PerHour"/> or <see cref="QuotaKeys.PerDay"/>).</param>
    /// <param name="now">Which hour and day are current.</param>
    public static IReadOnlyList<QuotaCrossing> Evaluate(UsagePlan plan, Func<string, string, long> used, DateTimeOffset now)
    {
        var crossings = new List<QuotaCrossing>();
        foreach (var (key, limit) in plan.Quotas)
        {
            if (!QuotaKeys.TryParse(key, out var measure, out var period))
            {
                continue;
            }

            var (start, end) = QuotaKeys.PeriodOf(period, now);
            var usage = used(measure, period);
            if (limit.Hard is { } hard && usage >= plan.Effective(hard, start))
            {
                crossings.Add(new QuotaCrossing(key, measure, usage, plan.Effective(hard, start), true, start, end));
            }

            if (limit.Soft is { } soft && usage >= plan.Effective(soft, start))
            {
                crossings.Add(new QuotaCrossing(key, measure, usage, plan.Effective(soft, start), false, start, end));
            }
        }

        return crossings;
    }
}
