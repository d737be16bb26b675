using System.Collections.Concurrent;
using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Tests.Channels.Email;

/// <summary>
/// Tests only: an inbound acceptor that records what it was handed (the real one stores durably and de-duplicates),
/// and fails the next <see cref="FailNext"/> calls as a database outage would.
/// </summary>
internal sealed class RecordingAcceptor : IInboundAcceptor
{
    public ConcurrentQueue<(ChannelInfo Channel, InboundMessage Message)> Accepted { get; } = new();

    public int FailNext { get; set; }

    /// <summary>The failure: the store refusing, or (true) a call that timed out on its own clock.</summary>
    public bool FailByTimeout { get; set; }

    public Task<AcceptedMessages> AcceptAsync(ChannelInfo channel, IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken)
    {
        if (FailNext > 0)
        {
            FailNext--;
            throw FailByTimeout ? new TaskCanceledException("the store did not answer in time") : new InvalidOperationException("the store is down");
        }

        foreach (var message in messages)
        {
            Accepted.Enqueue((channel, message));
        }

        return Task.FromResult(new AcceptedMessages(messages.Count, 0));
    }
}
