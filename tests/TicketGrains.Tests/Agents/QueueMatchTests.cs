using Microsoft.Extensions.Time.Testing;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Agents;
using TicketGrains.Tests.Domain;
using Xunit;

namespace TicketGrains.Tests.Agents;

public sealed class QueueMatchTests
{
    private readonly FakeTimeProvider _time = new(TicketStates.T0);

    private static readonly QueueDefinition Refunds = new()
    {
        RequiredSkills = new Dictionary<string, int> { ["refund"] = 3 },
        WidenAfterSeconds = 60,
    };

    private static Taker Agent(string id, int refundLevel, params string[] roomFor) =>
        new(id, refundLevel > 0 ? new Dictionary<string, int> { ["refund"] = refundLevel } : new Dictionary<string, int>(),
            roomFor.Length == 0 ? null : roomFor.ToHashSet());

    private QueuedTicket Ticket(string channel = "web") => new(Guid.NewGuid(), 1, _time.GetUtcNow()) { Channel = channel };

    [Fact]
    public void Skills_matching_widens_to_any_agent_once_the_ticket_waited_the_widening_time()
    {
        var ticket = Ticket();
        var expert = Agent("ann", 3);
        var novice = Agent("bob", 1);

        Assert.True(QueueMatch.Fits(ticket, expert, Refunds, _time.GetUtcNow()));
        Assert.False(QueueMatch.Fits(ticket, novice, Refunds, _time.GetUtcNow()));

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(QueueMatch.Fits(ticket, novice, Refunds, _time.GetUtcNow()));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(QueueMatch.Fits(ticket, novice, Refunds, _time.GetUtcNow()));
    }

    [Fact]
    public void A_queue_without_widening_never_drops_its_skills()
    {
        var ticket = Ticket();
        _time.Advance(TimeSpan.FromDays(7));

        Assert.False(QueueMatch.Fits(ticket, Agent("bob", 2), Refunds with { WidenAfterSeconds = null }, _time.GetUtcNow()));
    }

    [Fact]
    public void A_ticket_fits_only_agents_with_room_for_its_channel_kind_who_were_not_skipped()
    {
        var chat = Ticket("wechat");
        var call = Ticket("phone");
        var skipped = chat with { SkippedAgents = ["ann"] };

        Assert.True(QueueMatch.Fits(chat, Agent("ann", 3, "chat"), Refunds, _time.GetUtcNow()));
        Assert.False(QueueMatch.Fits(call, Agent("ann", 3, "chat"), Refunds, _time.GetUtcNow()));
        Assert.True(QueueMatch.Fits(call, Agent("ann", 3), Refunds, _time.GetUtcNow()));
        Assert.False(QueueMatch.Fits(skipped, Agent("ann", 3), Refunds, _time.GetUtcNow()));
    }

    [Fact]
    public void Skills_the_routing_asked_for_need_the_agent_to_have_them()
    {
        var ticket = Ticket() with { Skills = ["japanese"] };
        var plain = new Taker("ann", new Dictionary<string, int> { ["refund"] = 5 }, null);
        var speaker = new Taker("bob", new Dictionary<string, int> { ["refund"] = 5, ["japanese"] = 1 }, null);

        Assert.False(QueueMatch.Fits(ticket, plain, Refunds, _time.GetUtcNow()));
        Assert.True(QueueMatch.Fits(ticket, speaker, Refunds, _time.GetUtcNow()));
    }
}
