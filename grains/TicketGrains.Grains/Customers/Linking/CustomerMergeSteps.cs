using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Customers.Linking;

/// <summary>
/// The merge and un-merge steps of one customer grain over its stream: each is appended here first, then the other
/// customer is told (<see cref="ICustomerGrain.RecordMergeAsync"/>), and a step repeated finds its first result and
/// completes the other side if that was lost.
/// </summary>
internal sealed class CustomerMergeSteps(
    EventSourcedStream<CustomerState> stream, Guid self, TimeProvider time, Func<Guid, ICustomerGrain> customer, Func<Task<Guid>> survivorOfSelf)
{
    public async Task<CustomerMerge> MergeAsync(Guid customerId, string by, string reason)
    {
        if (customerId == self)
        {
            throw new InvalidFieldException("customerId", "A customer cannot be merged with itself.");
        }

        Guid merged;
        try
        {
            merged = await customer(customerId).ExistingSurvivorAsync();
        }
        catch (NotFoundException)
        {
            throw new InvalidFieldException("customerId", $"Customer {customerId} does not exist.");
        }

        var survivor = await survivorOfSelf();
        if (survivor == merged)
        {
            return await InForceWithAsync(customerId)
                ?? throw new InvalidFieldException("customerId", $"Customers {self} and {customerId} are one customer already, through other merges.");
        }

        if (survivor != self)
        {
            return await customer(survivor).MergeAsync(merged, by, reason);
        }

        if (await InForceWithAsync(merged) is { } repeated)
        {
            return repeated;
        }

        var now = time.GetUtcNow();
        await stream.AppendAsync(new CustomersMerged(Guid.CreateVersion7(now), self, merged, by, reason, now));
        var merge = stream.State.Merges.All[^1];
        await customer(merged).RecordMergeAsync(merge);
        return merge;
    }

    public async Task<CustomerMerge> UnmergeAsync(Guid mergeId, string by)
    {
        if (stream.State.Merges.Find(mergeId) is not { } merge)
        {
            throw new InvalidFieldException("mergeId", $"Customer {self} took part in no merge {mergeId}.");
        }

        var other = customer(merge.SurvivorId == self ? merge.MergedId : merge.SurvivorId);
        if (merge.UnmergedAt is { } undone)
        {
            await other.RecordMergeAsync(merge);
            throw new InvalidFieldException("mergeId", $"Merge {mergeId} was undone already at {undone:O}.");
        }

        await stream.AppendAsync(new CustomersUnmerged(mergeId, by, time.GetUtcNow()));
        merge = stream.State.Merges.Find(mergeId)!;
        await other.RecordMergeAsync(merge);
        return merge;
    }

    public async Task RecordAsync(CustomerMerge merge)
    {
        foreach (var e in stream.State.Merges.Missing(merge))
        {
            await stream.AppendAsync(e);
        }
    }

    /// <summary>
    /// The merge in force between this customer and <paramref name="customerId"/>, once the other side has caught up with
    /// it (a repeat, or a merge whose second append never happened); null when there is none.
    /// </summary>
    private async Task<CustomerMerge?> InForceWithAsync(Guid customerId)
    {
        var merge = stream.State.Merges.All.LastOrDefault(m => m.UnmergedAt is null && (m.MergedId == customerId || m.SurvivorId == customerId));
        if (merge is not null)
        {
            await customer(customerId).RecordMergeAsync(merge);
        }

        return merge;
    }
}
