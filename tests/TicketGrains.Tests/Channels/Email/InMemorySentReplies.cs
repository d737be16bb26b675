using System.Collections.Concurrent;
using TicketGrains.Api.Channels.Outbound;

namespace TicketGrains.Tests.Channels.Email;

/// <summary>Sent replies in memory, by tenant and outbound message id, with the reasons bounces failed them.</summary>
internal sealed class InMemorySentReplies : ISentReplies
{
    private readonly ConcurrentDictionary<(string Tenant, Guid Message), (Guid Ticket, string? FailedBecause)> replies = new();

    public void Sent(string tenant, Guid messageId, Guid ticketId) => replies[(tenant, messageId)] = (ticketId, null);

    public string? FailureOf(string tenant, Guid messageId) => replies[(tenant, messageId)].FailedBecause;

    public Task<Guid?> TicketOfAsync(string tenant, Guid messageId, CancellationToken cancellationToken) =>
        Task.FromResult(replies.TryGetValue((tenant, messageId), out var reply) ? reply.Ticket : (Guid?)null);

    public Task<BouncedReply?> FailSentAsync(string tenant, Guid messageId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!replies.TryGetValue((tenant, messageId), out var reply) || reply.FailedBecause is not null)
        {
            return Task.FromResult<BouncedReply?>(null);
        }

        replies[(tenant, messageId)] = reply with { FailedBecause = reason };
        return Task.FromResult<BouncedReply?>(new BouncedReply(reply.Ticket, Guid.Empty, 1, null));
    }
}
