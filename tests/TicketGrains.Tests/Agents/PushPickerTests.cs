using Microsoft.Extensions.Time.Testing;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Agents;
using TicketGrains.Tests.Domain;
using Xunit;

namespace TicketGrains.Tests.Agents;

public sealed class PushPickerTests
{
    private static readonly QueueDefinition MostSpare = new() { Strategy = QueueDefinition.Push };
    private static readonly QueueDefinition RoundRobin = MostSpare with { PushStrategy = QueueDefinition.RoundRobin };
    private readonly FakeTimeProvider _time = new(TicketStates.T0);

    private AgentStatus Agent(string id, int chatRoom, DateTimeOffset? lastAssigned = null, string presence = AgentPresence.Online) =>
        new(id, presence, _time.GetUtcNow().AddMinutes(10), new Dictionary<string, int>(), true,
            new Dictionary<string, int> { ["chat"] = chatRoom }, lastAssigned);

    private QueuedTicket Chat() => new(Guid.NewGuid(), 1, _time.GetUtcNow()) { Channel = "wechat" };

    [Fact]
    public void Most_spare_capacity_picks_the_agent_with_the_most_room_for_the_kind()
    {
        AgentStatus[] roster = [Agent("ann", 1), Agent("bob", 3), Agent("cat", 2)];

        Assert.Equal("bob", PushPicker.Pick(Chat(), roster, MostSpare, _time.GetUtcNow())!.AgentId);
    }

    [Fact]
    public void Round_robin_picks_the_longest_since_the_last_hand_out_and_is_fair_to_within_one()
    {
        var roster = new Dictionary<string, AgentStatus> { ["ann"] = Agent("ann", 100), ["bob"] = Agent("bob", 100), ["cat"] = Agent("cat", 100) };
        var handed = roster.Keys.ToDictionary(k => k, _ => 0);

        for (var i = 0; i < 10; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            var picked = PushPicker.Pick(Chat(), roster.Values, RoundRobin, _time.GetUtcNow())!;
            handed[picked.AgentId]++;
            roster[picked.AgentId] = picked with { LastAssignedAt = _time.GetUtcNow() };
        }

        Assert.Equal(new Dictionary<string, int> { ["ann"] = 4, ["bob"] = 3, ["cat"] = 3 }, handed);
    }

    [Fact]
    public void Only_online_agents_with_room_who_are_not_idle_or_skipped_are_picked()
    {
        var ticket = Chat() with { SkippedAgents = ["dan"] };
        AgentStatus[] roster = [Agent("ann", 0), Agent("bob", 5, presence: AgentPresence.Away), Agent("dan", 9), Agent("eve", 1)];

        Assert.Equal("eve", PushPicker.Pick(ticket, roster, MostSpare, _time.GetUtcNow())!.AgentId);

        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(PushPicker.Pick(ticket, roster, MostSpare, _time.GetUtcNow()));
    }
}
