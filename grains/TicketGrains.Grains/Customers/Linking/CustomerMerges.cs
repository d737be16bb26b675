using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Customers.Linking;

/// <summary>Every merge a customer took part in, as its events fold them: in force, or undone.</summary>
public sealed class CustomerMerges
{
    private readonly List<CustomerMerge> _all = [];

    public IReadOnlyList<CustomerMerge> All => _all;

    public CustomerMerge? Find(Guid mergeId) => _all.Find(m => m.MergeId == mergeId);

    /// <summary>The merge in force that made <paramref name="self"/> answer as another customer, if any.</summary>
    public CustomerMerge? IntoSurvivor(Guid self) => _all.FindLast(m => m.MergedId == self && m.UnmergedAt is null);

    /// <summary>The merges in force that brought other customers into <paramref name="self"/>.</summary>
    public IReadOnlyList<CustomerMerge> Absorbed(Guid self) => [.. _all.Where(m => m.SurvivorId == self && m.UnmergedAt is null)];

    public void Apply(IDomainEvent e)
    {
        switch (e)
        {
            case CustomersMerged m:
                _all.Add(new CustomerMerge { MergeId = m.MergeId, SurvivorId = m.SurvivorId, MergedId = m.MergedId, By = m.By, Reason = m.Reason, At = m.At });
                break;
            case CustomersUnmerged u:
                var index = _all.FindIndex(m => m.MergeId == u.MergeId);
                if (index < 0)
                {
                    throw new InvalidOperationException($"Un-merge of merge {u.MergeId}, which this customer never took part in.");
                }

                _all[index] = _all[index] with { UnmergedAt = u.At, UnmergedBy = u.By };
                break;
            default:
                throw new InvalidOperationException($"Customer merges cannot apply {e.GetType().Name}.");
        }
    }

    /// <summary>
    /// What this stream still lacks of <paramref name="merge"/> as the other side recorded it: the merge, its un-merge,
    /// both, or nothing when it is up to date.
    /// </summary>
    public IReadOnlyList<IDomainEvent> Missing(CustomerMerge merge)
    {
        var events = new List<IDomainEvent>();
        var own = Find(merge.MergeId);
        if (own is null)
        {
            events.Add(new CustomersMerged(merge.MergeId, merge.SurvivorId, merge.MergedId, merge.By, merge.Reason, merge.At));
        }

        if (merge is { UnmergedAt: { } at, UnmergedBy: { } by } && own?.UnmergedAt is null)
        {
            events.Add(new CustomersUnmerged(merge.MergeId, by, at));
        }

        return events;
    }
}
