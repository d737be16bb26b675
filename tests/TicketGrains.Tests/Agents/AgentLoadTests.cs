using TicketGrains.Grains.Agents;
using Xunit;

namespace TicketGrains.Tests.Agents;

public sealed class AgentLoadTests
{
    private static readonly Dictionary<string, int> Capacity = new() { ["email"] = 2, ["chat"] = 1 };

    [Fact]
    public void Room_is_counted_per_channel_kind_and_a_kind_the_capacity_does_not_name_has_none()
    {
        var load = new AgentLoad();
        load.Hold(Guid.NewGuid(), "email");

        Assert.Equal(new Dictionary<string, int> { ["email"] = 1, ["chat"] = 1 }, load.Room(Capacity));
        Assert.True(load.HasRoom("chat", Capacity));
        Assert.False(load.HasRoom("voice", Capacity));

        load.Hold(Guid.NewGuid(), "chat");
        Assert.Equal(["email"], load.RoomFor(Capacity)!);
        Assert.False(load.Full(Capacity));

        load.Hold(Guid.NewGuid(), "email");
        Assert.Empty(load.RoomFor(Capacity)!);
        Assert.True(load.Full(Capacity));
    }

    [Fact]
    public void Holding_and_releasing_are_idempotent()
    {
        var load = new AgentLoad();
        var ticket = Guid.NewGuid();

        load.Hold(ticket, "chat");
        load.Hold(ticket, "chat");
        Assert.Equal(1, load.Count("chat"));

        load.Release(ticket);
        load.Release(ticket);
        Assert.Equal(0, load.Count("chat"));
    }

    [Fact]
    public void An_empty_capacity_is_no_limit()
    {
        var load = new AgentLoad();
        load.Hold(Guid.NewGuid(), "voice");

        Assert.Null(load.RoomFor(new Dictionary<string, int>()));
        Assert.True(load.HasRoom("voice", new Dictionary<string, int>()));
        Assert.False(load.Full(new Dictionary<string, int>()));
    }

    [Fact]
    public void Replacing_takes_what_the_read_model_says()
    {
        var load = new AgentLoad();
        load.Hold(Guid.NewGuid(), "email");
        var held = Guid.NewGuid();

        load.Replace([(held, "chat")]);

        Assert.Equal([held], load.Held);
        Assert.Equal(new Dictionary<string, int> { ["chat"] = 1 }, load.ByKind());
    }
}
