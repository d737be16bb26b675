using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Api.Live;

/// <summary>
/// Where one listener is in its tenant's log: the key of the last feed event it was sent or passed over (a surge for a
/// listener who may not see surges). Decides what of a live batch
/// is new, and whether the batch follows on from what was sent or something in between was lost.
/// </summary>
internal sealed class FeedSequencer(LogKey sent)
{
    public LogKey Sent { get; private set; } = sent;

    /// <summary>
    /// True when nothing of the tenant lies between what was sent and the batch: its previous event was sent (or came
    /// before the listener's start). False means a batch was lost on the way; the log has the missing part.
    /// </summary>
    public bool Follows(TicketChangeBatch batch) => batch.Previous <= Sent;

    /// <summary>Whether the event is newer than everything sent (an event is delivered again after a catch-up or a retry).</summary>
    public bool IsNew(ILoggedFeedEvent change) => change.Key > Sent;

    public void MarkSent(LogKey key)
    {
        if (key > Sent)
        {
            Sent = key;
        }
    }
}
