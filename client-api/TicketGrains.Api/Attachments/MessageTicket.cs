using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.Attachments;
using TicketGrains.Grains.Channels;

namespace TicketGrains.Api.Attachments;

/// <summary>The ticket a channel message went to, as far as recording its files is concerned.</summary>
public static class MessageTicket
{
    /// <summary>
    /// Records <paramref name="note"/> on the ticket that holds its message; false while none does.
    /// Threading recorded its decision before carrying it out, and a join whose ticket closed meanwhile opened the
    /// message's own ticket instead, so the decided ticket is tried first, then that one.
    /// </summary>
    public static async Task<bool> RecordAsync(IClusterClient cluster, string tenant, string streamId, InboundMessageThreaded threaded, AttachmentNote note)
    {
        Guid[] candidates = threaded.NewTicket ? [threaded.TicketId] : [threaded.TicketId, InboundStreams.TicketIdOf(tenant, streamId)];
        foreach (var id in candidates)
        {
            var ticket = cluster.Reference<ITicketGrain>(GrainKeys.For(tenant, id));
            try
            {
                await ticket.AddAttachmentAsync(note);
                return true;
            }
            catch (Exception e) when (e is NotFoundException || (e is InvalidFieldException { Field: AttachmentDecisions.InboundMessageField }))
            {
                // Not (yet) the ticket holding the message: the next candidate, or a later attempt.
            }
        }

        return false;
    }
}
