using Microsoft.Extensions.Time.Testing;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Sla;
using TicketGrains.Grains.Tickets;
using TicketGrains.Tests.Domain;

namespace TicketGrains.Tests.Sla;

/// <summary>A ticket driven through its life at the instants of a <see cref="FakeTimeProvider"/>, as the grain drives it.</summary>
internal sealed class SlaTicket
{
    private readonly FakeTimeProvider _time;

    public SlaTicket(SlaPlan plan, DateTimeOffset createdAt, string priority = "normal")
    {
        _time = new FakeTimeProvider(createdAt);
        State.Apply(TicketStates.Decide(Guid.NewGuid(), TicketStates.Command(priority: priority), _time.GetUtcNow(), plan));
    }

    public TicketState State { get; } = new();

    public List<IDomainEvent> SlaEvents { get; } = [];

    public SlaClock Clock(string metric) => State.Sla.Find(metric) ?? throw new InvalidOperationException($"No {metric} clock.");

    public SlaTicket At(DateTimeOffset instant)
    {
        _time.SetUtcNow(instant);
        return this;
    }

    public SlaTicket Status(string to) => Apply(TicketDecisions.ChangeStatus(State, to, "agent-1", _time.GetUtcNow()));

    /// <summary>An agent's new priority, its clocks to follow <paramref name="plan"/>; a same-priority change applies nothing.</summary>
    public SlaTicket Priority(string to, SlaPlan plan) =>
        TicketDecisions.ChangePriority(State, to, plan, "agent-1", _time.GetUtcNow()) is { } changed ? Apply(changed) : this;

    public SlaTicket AgentReply() => Apply(TicketDecisions.AddMessage(State, "agent-1", "On it.", false, _time.GetUtcNow(), "agent-1"));

    public SlaTicket RequesterWrites() => Apply(TicketDecisions.AddMessage(State, "customer", "Any news?", false, _time.GetUtcNow()));

    /// <summary>Decides and applies SLA events due now, as the grain's timer or the sweep does; returns how many.</summary>
    public int Check()
    {
        var count = 0;
        while (SlaDecisions.Next(State, _time.GetUtcNow()) is { } e)
        {
            Apply(e);
            SlaEvents.Add(e);
            count++;
        }

        return count;
    }

    private SlaTicket Apply(IDomainEvent e)
    {
        State.Apply(e);
        return this;
    }
}
