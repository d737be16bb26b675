using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.Attachments;

/// <summary>Whether a ticket records a file (once per attachment id, never on a closed ticket) or a channel message's missing media.</summary>
public static class AttachmentDecisions
{
    public static AttachmentAdded? Add(TicketState state, AttachmentNote note, DateTimeOffset now)
    {
        if (!state.Exists)
        {
            throw new NotFoundException("No such ticket.");
        }

        if (state.Attachments.Contains(note.AttachmentId))
        {
            return null;
        }

        if (state.Status == TicketStatus.Closed)
        {
            throw new InvalidFieldException("status", "A closed ticket takes no more attachments; open a follow-up ticket.");
        }

        return new AttachmentAdded(note.AttachmentId, note.FileName, note.ContentType, note.Bytes, note.Actor, now, note.InboundMessage);
    }

    /// <summary>Records why a channel message's media are missing, once per message; on a closed ticket too (it only explains).</summary>
    public static AttachmentFetchFailed? FetchFailed(TicketState state, string inboundMessage, string reason, DateTimeOffset now)
    {
        if (!state.Exists)
        {
            throw new NotFoundException("No such ticket.");
        }

        return state.AttachmentFailures.Contains(inboundMessage) ? null : new AttachmentFetchFailed(inboundMessage, reason, now);
    }
}
