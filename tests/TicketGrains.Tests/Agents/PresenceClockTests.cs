using Microsoft.Extensions.Time.Testing;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Grains.Agents;
using TicketGrains.Tests.Domain;
using Xunit;

namespace TicketGrains.Tests.Agents;

public sealed class PresenceClockTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);
    private readonly FakeTimeProvider _time = new(TicketStates.T0);

    [Fact]
    public void An_online_agent_idle_for_the_timeout_is_away_until_its_next_activity()
    {
        var clock = new PresenceClock(AgentPresence.Online, _time.GetUtcNow(), Idle);

        _time.Advance(Idle - TimeSpan.FromSeconds(1));
        Assert.Equal(AgentPresence.Online, clock.At(_time.GetUtcNow()));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(AgentPresence.Away, clock.At(_time.GetUtcNow()));
        Assert.Equal(AgentPresence.Online, clock.Set);

        clock.Touch(_time.GetUtcNow());
        Assert.Equal(AgentPresence.Online, clock.At(_time.GetUtcNow()));
        Assert.Equal(_time.GetUtcNow() + Idle, clock.AwayAt);
    }

    [Fact]
    public void Activity_does_not_bring_back_an_agent_who_set_itself_away_or_offline()
    {
        var clock = new PresenceClock(AgentPresence.Online, _time.GetUtcNow(), Idle);
        clock.Change(AgentPresence.Offline, _time.GetUtcNow());

        clock.Touch(_time.GetUtcNow());

        Assert.Equal(AgentPresence.Offline, clock.At(_time.GetUtcNow()));
    }
}
