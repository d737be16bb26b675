using Microsoft.Extensions.Time.Testing;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.Agents;
using TicketGrains.Tests.Domain;
using Xunit;

namespace TicketGrains.Tests.Agents;

public sealed class QueuePusherTests
{
    private static readonly QueueDefinition Push = new() { Strategy = QueueDefinition.Push };
    private static readonly Guid Activation = Guid.NewGuid();
    private readonly FakeTimeProvider _time = new(TicketStates.T0);
    private readonly TicketQueue _queue = new();
    private readonly OfferedAgent _ann = new();

    /// <summary>
    /// "Room for one chat" and "no room" arrive in the given order: the report with the higher sequence stands, so an
    /// overtaken "no room" does not stop the offer, and a later "no room" does.
    /// </summary>
    [Theory]
    [InlineData(5, 4, 1)]
    [InlineData(4, 5, 0)]
    public async Task The_later_report_of_an_activation_stands_whichever_arrives_last(long roomSequence, long fullSequence, int offers)
    {
        var pusher = new QueuePusher(_queue, new TakenTickets(TimeSpan.FromSeconds(30)), _time, _ => _ann);
        _queue.Add(new QueuedTicket(Guid.NewGuid(), 1, _time.GetUtcNow()) { Channel = "wechat" });

        pusher.Update(Report(chatRoom: 1, sequence: roomSequence));
        pusher.Update(Report(chatRoom: 0, sequence: fullSequence));
        await pusher.PushAsync(Push);

        Assert.Equal(offers, _ann.Offers);
    }

    private AgentStatus Report(int chatRoom, long sequence) =>
        new("ann", "online", _time.GetUtcNow().AddMinutes(10), new Dictionary<string, int>(), true, new Dictionary<string, int> { ["chat"] = chatRoom }, null)
        {
            Reporter = Activation,
            Sequence = sequence,
        };

    /// <summary>An agent that takes every offer and counts them; nothing else is called by the pusher.</summary>
    private sealed class OfferedAgent : IAgentGrain
    {
        public int Offers { get; private set; }

        public Task<OfferOutcome> OfferAsync(QueuedTicket ticket, TimeSpan acceptWithin)
        {
            Offers++;
            return Task.FromResult(OfferOutcome.Offered);
        }

        public Task<AgentProfile> SetQueuesAsync(IReadOnlyList<string> queues) => throw new NotSupportedException();

        public Task<AgentProfile> DefineAsync(AgentDefinition definition) => throw new NotSupportedException();

        public Task<AgentProfile> SetPresenceAsync(string presence) => throw new NotSupportedException();

        public Task<AgentProfile> GetProfileAsync() => throw new NotSupportedException();

        public Task<TicketView?> NextAsync(TimeSpan wait, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<TicketView?> NextWitnessedAsync(TimeSpan wait, PullWitnessing witnessing, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task GiveBackUnansweredAsync(Guid pullId, IReadOnlyList<Guid> named) => throw new NotSupportedException();

        public Task<TicketView> AcceptOfferAsync(Guid ticketId) => throw new NotSupportedException();

        public Task<TicketView> DeclineOfferAsync(Guid ticketId) => throw new NotSupportedException();

        public Task HoldAsync(Guid ticketId, string channelKind) => throw new NotSupportedException();

        public Task ReleaseAsync(Guid ticketId) => throw new NotSupportedException();

        public Task ReportToAsync(string queue) => throw new NotSupportedException();
    }
}
