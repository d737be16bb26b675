using TicketGrains.Grains.Customers.Linking;
using Xunit;

namespace TicketGrains.Tests.Customers;

public sealed class CustomerMergesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 11, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Survivor = Guid.Parse("0193a000-0000-7000-8000-00000000000a");
    private static readonly Guid Merged = Guid.Parse("0193a000-0000-7000-8000-00000000000b");
    private static readonly Guid MergeId = Guid.Parse("0193a000-0000-7000-8000-0000000000f1");

    private static CustomerMerges With(params TicketGrains.Grains.EventLog.IDomainEvent[] events)
    {
        var merges = new CustomerMerges();
        foreach (var e in events)
        {
            merges.Apply(e);
        }

        return merges;
    }

    private static readonly CustomersMerged Merge = new(MergeId, Survivor, Merged, "sam", "same person", At);

    [Fact]
    public void A_merge_in_force_redirects_the_merged_customer_and_is_absorbed_by_the_survivor()
    {
        var merges = With(Merge);

        Assert.Equal(Survivor, merges.IntoSurvivor(Merged)?.SurvivorId);
        Assert.Null(merges.IntoSurvivor(Survivor));
        Assert.Equal([Merged], merges.Absorbed(Survivor).Select(m => m.MergedId));
    }

    [Fact]
    public void An_unmerge_ends_the_redirect_and_keeps_the_record()
    {
        var merges = With(Merge, new CustomersUnmerged(MergeId, "ann", At.AddHours(1)));

        Assert.Null(merges.IntoSurvivor(Merged));
        Assert.Empty(merges.Absorbed(Survivor));
        var record = Assert.Single(merges.All);
        Assert.Equal((At.AddHours(1), "ann", "sam"), (record.UnmergedAt, record.UnmergedBy, record.By));
    }

    [Fact]
    public void The_other_side_catches_up_with_what_it_lacks()
    {
        var done = With(Merge, new CustomersUnmerged(MergeId, "ann", At.AddHours(1))).Find(MergeId)!;

        Assert.Equal([Merge, new CustomersUnmerged(MergeId, "ann", At.AddHours(1))], With().Missing(done));
        Assert.Equal([new CustomersUnmerged(MergeId, "ann", At.AddHours(1))], With(Merge).Missing(done));
        Assert.Empty(With(Merge, new CustomersUnmerged(MergeId, "ann", At.AddHours(1))).Missing(done));
        Assert.Empty(With(Merge).Missing(With(Merge).Find(MergeId)!));
    }

    [Fact]
    public void An_unmerge_of_an_unknown_merge_cannot_be_applied()
    {
        Assert.Throws<InvalidOperationException>(() => With(new CustomersUnmerged(MergeId, "ann", At)));
    }
}
