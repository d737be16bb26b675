using TicketGrains.Abstractions.Contracts;
using TicketGrains.Api.Live;
using Xunit;

namespace TicketGrains.Tests.Live;

public sealed class FeedBufferTests
{
    [Fact]
    public void Batches_come_out_in_the_order_they_went_in()
    {
        var buffer = new FeedBuffer(10);
        var (first, second) = (FeedSequencerTests.Batch(LogKey.Start, new LogKey(1, 1)), FeedSequencerTests.Batch(new LogKey(1, 1), new LogKey(2, 2)));

        buffer.Offer(first);
        buffer.Offer(second);

        Assert.Equal([first, second], TakeAll(buffer));
    }

    [Fact]
    public void A_batch_past_the_bound_is_not_kept_and_the_overflow_is_reported_once_after_what_was_kept()
    {
        var buffer = new FeedBuffer(3);
        var kept = FeedSequencerTests.Batch(LogKey.Start, new LogKey(1, 1), new LogKey(1, 2));

        buffer.Offer(kept);
        buffer.Offer(FeedSequencerTests.Batch(new LogKey(1, 2), new LogKey(2, 1), new LogKey(2, 2)));
        buffer.Offer(FeedSequencerTests.Batch(new LogKey(2, 2), new LogKey(3, 1), new LogKey(3, 2)));

        Assert.Equal([kept, null], TakeAll(buffer));
    }

    [Fact]
    public void Taking_frees_room_and_a_later_overflow_is_reported_again()
    {
        var buffer = new FeedBuffer(2);
        var (a, b, c) = (FeedSequencerTests.Batch(LogKey.Start, new LogKey(1, 1), new LogKey(1, 2)),
            FeedSequencerTests.Batch(new LogKey(1, 2), new LogKey(2, 1)), FeedSequencerTests.Batch(new LogKey(2, 1), new LogKey(3, 1)));

        buffer.Offer(a);
        buffer.Offer(b);
        Assert.Equal([a, null], TakeAll(buffer));
        buffer.Offer(b);
        buffer.Offer(c);
        buffer.Offer(a);
        Assert.Equal([b, c, null], TakeAll(buffer));
    }

    private static List<TicketChangeBatch?> TakeAll(FeedBuffer buffer)
    {
        var taken = new List<TicketChangeBatch?>();
        while (buffer.TryTake(out var batch))
        {
            taken.Add(batch);
        }

        return taken;
    }
}
