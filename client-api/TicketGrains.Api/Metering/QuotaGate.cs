using System.Collections.Frozen;
using TicketGrains.Grains.Metering;

namespace TicketGrains.Api.Metering;

/// <summary>
/// This front end's view of the tenants over a hard quota, replaced whole by <see cref="QuotaRefresher"/>. Asking costs
/// a dictionary lookup: no grain call and no database read on the create path. A refusal lapses at its period's end
/// even before the next refresh.
/// </summary>
public sealed class QuotaGate
{
    private volatile FrozenDictionary<string, QuotaCrossing[]> _over = FrozenDictionary<string, QuotaCrossing[]>.Empty;

    /// <summary>The hard quota of <paramref name="measure"/> the tenant has reached, if any.</summary>
    public QuotaCrossing? Refusal(string tenant, string measure, DateTimeOffset now) =>
        _over.TryGetValue(tenant, out var crossings) ? crossings.FirstOrDefault(c => c.Measure == measure && c.PeriodEnd > now) : null;

    public void Replace(IEnumerable<(string Tenant, QuotaCrossing Crossing)> hardCrossings) =>
        _over = hardCrossings.GroupBy(c => c.Tenant, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(c => c.Crossing).ToArray(), StringComparer.Ordinal);
}
