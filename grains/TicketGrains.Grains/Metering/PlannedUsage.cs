namespace TicketGrains.Grains.Metering;

/// <summary>A tenant with quotas, its plan, and its usage of the current hour and UTC day by "measure.period".</summary>
public sealed record PlannedUsage(string Tenant, UsagePlan Plan, IReadOnlyDictionary<string, long> Used)
{
    public long UsedOf(string measure, string period) => Used.GetValueOrDefault(measure + "." + period);
}
