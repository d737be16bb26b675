using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;

namespace TicketGrains.Grains.Agents;

/// <summary>
/// A push queue's offers: the agents serving it as they last reported (the roster), and one offer at a time, head of
/// the queue first, to the agent <see cref="PushPicker"/> chooses. While an offer is out its ticket is taken (it comes
/// back after the queue's lease if the answer is lost); an accepted offer leaves the queue when the ticket says so.
/// An agent that turns out unavailable leaves the roster until it reports again; a ticket that refuses an agent (it
/// skips them) is not offered to them again from here.
/// </summary>
public sealed class QueuePusher(TicketQueue queue, TakenTickets taken, TimeProvider time, Func<string, IAgentGrain> agents)
{
    private readonly Dictionary<string, AgentStatus> _roster = new(StringComparer.Ordinal);
    private bool _pushing;

    /// <summary>Keeps the agent's newest report; one overtaken by a later report of the same activation is dropped.</summary>
    public void Update(AgentStatus status)
    {
        if (!_roster.TryGetValue(status.AgentId, out var known) || !AgentReports.IsOvertaken(status, by: known))
        {
            _roster[status.AgentId] = status;
        }
    }

    public void Forget(string agentId) => _roster.Remove(agentId);

    /// <summary>Offers waiting tickets until no agent fits any; a call while offers are under way leaves it to that one.</summary>
    public async Task PushAsync(QueueDefinition definition)
    {
        if (definition.Strategy != QueueDefinition.Push || _pushing)
        {
            return;
        }

        _pushing = true;
        try
        {
            while (NextOffer(definition) is { } next)
            {
                var (ticket, agent) = next;
                queue.Remove(ticket.TicketId);
                taken.Take(ticket, time.GetUtcNow());
                var outcome = await agents(agent.AgentId).OfferAsync(ticket, TimeSpan.FromSeconds(definition.OfferTimeoutSeconds));
                Settle(ticket, agent, outcome);
            }
        }
        finally
        {
            _pushing = false;
        }
    }

    private (QueuedTicket Ticket, AgentStatus Agent)? NextOffer(QueueDefinition definition)
    {
        var now = time.GetUtcNow();
        foreach (var ticket in queue.InOrder)
        {
            if (PushPicker.Pick(ticket, _roster.Values, definition, now) is { } agent)
            {
                return (ticket, agent);
            }
        }

        return null;
    }

    /// <summary>Updates the roster after an answer, unless the agent reported something newer meanwhile.</summary>
    private void Settle(QueuedTicket ticket, AgentStatus agent, OfferOutcome outcome)
    {
        var unchanged = _roster.TryGetValue(agent.AgentId, out var current) && ReferenceEquals(current, agent);
        switch (outcome)
        {
            case OfferOutcome.Offered when unchanged:
                var kind = ChannelKinds.Of(ticket.Channel);
                var room = agent.Room.ToDictionary(StringComparer.Ordinal);
                room[kind] = room.GetValueOrDefault(kind) - 1;
                _roster[agent.AgentId] = agent with { LastAssignedAt = time.GetUtcNow(), Room = room };
                break;
            case OfferOutcome.Unavailable:
                taken.Settle(ticket.TicketId);
                queue.Add(ticket);
                if (unchanged)
                {
                    _roster.Remove(agent.AgentId);
                }

                break;
            case OfferOutcome.Refused:
                taken.Settle(ticket.TicketId);
                queue.Add(ticket with { SkippedAgents = [.. ticket.SkippedAgents, agent.AgentId] });
                break;
        }
    }
}
