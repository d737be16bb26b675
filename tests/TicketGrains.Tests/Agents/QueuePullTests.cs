using Microsoft.Extensions.Time.Testing;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.Agents;
using TicketGrains.Tests.Domain;
using Xunit;

namespace TicketGrains.Tests.Agents;

/// <summary>
/// A long-poll over several queues that ends (a claim, a failed claim) cancels its other takes at once, as an Orleans
/// caller does; the queues must then hear that the agent gave those takes up, or a ticket that reaches one of them in
/// the meantime waits out the hand-out lease (a fresh clone's CI failed ClaimHandOutTests on exactly this).
/// </summary>
public sealed class QueuePullTests
{
    private readonly FakeTimeProvider _time = new(TicketStates.T0);
    private readonly Taker _ann = Taker.Plain("ann");

    [Fact]
    public async Task A_failed_claim_gives_up_the_takes_still_open_on_the_other_queues()
    {
        var complaints = new LongPollQueue();
        var general = new LongPollQueue();
        var broken = new QueuedTicket(Guid.NewGuid(), 3, _time.GetUtcNow());
        var pull = new QueuePull([complaints, general], _ann, _ => throw new InvalidOperationException("unreadable history"), _time)
            .RunAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        await Task.WhenAll(complaints.Waiting, general.Waiting);

        complaints.Hand(broken);

        await Assert.ThrowsAsync<InvalidOperationException>(() => pull);
        Assert.Equal(["ann"], general.GivenUp);
        Assert.Empty(complaints.GivenUp);
    }

    [Fact]
    public async Task A_claimed_ticket_gives_up_the_takes_still_open_on_the_other_queues()
    {
        var complaints = new LongPollQueue();
        var general = new LongPollQueue();
        var ticket = new QueuedTicket(Guid.NewGuid(), 3, _time.GetUtcNow());
        var view = TicketStates.Created().ToView("t");
        var pull = new QueuePull([complaints, general], _ann, _ => Task.FromResult<TicketView?>(view), _time)
            .RunAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        await Task.WhenAll(complaints.Waiting, general.Waiting);

        general.Hand(ticket);

        Assert.Same(view, await pull);
        Assert.Equal(["ann"], complaints.GivenUp);
        Assert.Empty(general.GivenUp);
    }

    /// <summary>
    /// Empty on a take that does not wait; a waiting take ends when the test hands it a ticket, or is cancelled at once
    /// when its token is (the caller's side of an Orleans call). Records which agents gave their takes up.
    /// </summary>
    private sealed class LongPollQueue : IAgentQueueGrain
    {
        private readonly TaskCompletionSource<QueuedTicket?> _handed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> GivenUp { get; } = [];

        public Task Waiting => _waiting.Task;

        public void Hand(QueuedTicket ticket) => _handed.TrySetResult(ticket);

        public Task<QueuedTicket?> TakeAsync(Taker taker, TimeSpan wait, CancellationToken cancellationToken = default)
        {
            if (wait <= TimeSpan.Zero)
            {
                return Task.FromResult<QueuedTicket?>(null);
            }

            _waiting.TrySetResult();
            return _handed.Task.WaitAsync(cancellationToken);
        }

        public Task GiveUpTakeAsync(string agentId)
        {
            GivenUp.Add(agentId);
            return Task.CompletedTask;
        }

        public Task EnqueueAsync(QueuedTicket ticket) => throw new NotSupportedException();

        public Task RemoveAsync(Guid ticketId, int version) => throw new NotSupportedException();

        public Task<int> CountAsync() => throw new NotSupportedException();

        public Task<QueueStatus> StatusAsync() => throw new NotSupportedException();

        public Task<QueueDefinition> DefineAsync(QueueDefinition definition) => throw new NotSupportedException();

        public Task<QueueDefinition> GetDefinitionAsync() => throw new NotSupportedException();

        public Task SetMemberAsync(string agentId, bool serves) => throw new NotSupportedException();

        public Task ReportAgentAsync(AgentStatus status) => throw new NotSupportedException();
    }
}
