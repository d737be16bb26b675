using TicketGrains.Abstractions.Contracts;
using TicketGrains.Api.Live;
using Xunit;

namespace TicketGrains.Tests.Live;

public sealed class FeedSequencerTests
{
    [Fact]
    public void A_batch_whose_previous_event_was_sent_follows_on()
    {
        var sequencer = new FeedSequencer(new LogKey(10, 5));

        Assert.True(sequencer.Follows(Batch(new LogKey(10, 5), new LogKey(11, 1))));
        Assert.True(sequencer.Follows(Batch(new LogKey(9, 40), new LogKey(10, 5), new LogKey(11, 1))));
        Assert.True(sequencer.Follows(Batch(LogKey.Start, new LogKey(11, 1))));
    }

    [Fact]
    public void A_batch_whose_previous_event_was_not_sent_shows_a_loss()
    {
        var sequencer = new FeedSequencer(new LogKey(10, 5));

        Assert.False(sequencer.Follows(Batch(new LogKey(10, 6), new LogKey(12, 1))));
    }

    [Fact]
    public void Only_changes_after_the_last_one_sent_are_new()
    {
        var sequencer = new FeedSequencer(new LogKey(10, 5));
        var batch = Batch(new LogKey(9, 40), new LogKey(10, 5), new LogKey(11, 1));

        Assert.Equal([new LogKey(11, 1)], batch.Changes.Where(sequencer.IsNew).Select(c => c.Key));
        sequencer.MarkSent(new LogKey(11, 1));
        sequencer.MarkSent(new LogKey(10, 9));
        Assert.Equal(new LogKey(11, 1), sequencer.Sent);
        Assert.DoesNotContain(batch.Changes, sequencer.IsNew);
    }

    internal static TicketChangeBatch Batch(LogKey previous, params LogKey[] keys) =>
        new(previous, keys.Select(k => new LoggedTicketChange(k, new TicketChange(Guid.Empty, 1, "TicketCreated", "new", "general", null, default))).ToList());
}
