using TicketGrains.Grains.Pipeline;
using Xunit;

namespace TicketGrains.Tests.Pipeline;

public sealed class CheckpointTests
{
    [Fact]
    public void Orders_by_transaction_before_position()
    {
        // A transaction that started earlier but inserted later holds a higher position, and still comes first.
        var early = new Checkpoint(TransactionId: 700, Position: 9);
        var late = new Checkpoint(TransactionId: 701, Position: 3);

        Assert.True(early < late);
        Assert.True(new Checkpoint(701, 2) < late);
        Assert.Equal([early, new Checkpoint(701, 2), late], new[] { late, early, new Checkpoint(701, 2) }.Order());
    }

    [Fact]
    public void Beginning_is_before_the_first_event_and_existing_rows_that_carry_transaction_zero() =>
        Assert.True(Checkpoint.Beginning < new Checkpoint(0, 1));

    [Fact]
    public void After_an_event_is_its_transaction_and_position()
    {
        var committed = new CommittedEvent(812, 44, "shop-1", "ticket-9", 3, "TicketAssigned", "{}", DateTimeOffset.UnixEpoch);

        Assert.Equal(new Checkpoint(812, 44), Checkpoint.After(committed));
    }
}
