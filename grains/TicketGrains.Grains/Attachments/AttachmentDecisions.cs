using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.Attachments;

/// <summary>
/// Whether a ticket records a file (once per attachment id; an uploaded one never on a closed ticket, a channel message's
/// only beside its message) or a channel message's missing media.
/// </summary>
public static class AttachmentDecisions
{
    /// <summary>The field a refusal names when a channel message's file is recorded on a ticket that does not hold the message.</summary>
    public const string InboundMessageField = "inboundMessage";

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

        if (note.InboundMessage is { } message)
        {
            // A channel message's file belongs with the message, even once the ticket has closed; never on a ticket without it.
            return state.InboundMessages.Contains(message)
                ? new AttachmentAdded(note.AttachmentId, note.FileName, note.ContentType, note.Bytes, note.Actor, now, message, note.Transcript)
                : throw new InvalidFieldException(InboundMessageField, "The channel message this file came with is not on this ticket.");
        }

        if (state.Status == TicketStatus.Closed)
        {
            throw new InvalidFieldException("status", "A closed ticket takes no more attachments; open a follow-up ticket.");
        }

        return new AttachmentAdded(note.AttachmentId, note.FileName, note.ContentType, note.Bytes, note.Actor, now, note.InboundMessage, note.Transcript);
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
