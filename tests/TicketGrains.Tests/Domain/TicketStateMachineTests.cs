using TicketGrains.Abstractions.Catalog;
using TicketGrains.Grains.Tickets;
using Xunit;

namespace TicketGrains.Tests.Domain;

public sealed class TicketStateMachineTests
{
    public static TheoryData<string, string> Allowed => new()
    {
        { "new", "open" }, { "new", "pending" }, { "new", "on_hold" }, { "new", "solved" },
        { "open", "pending" }, { "open", "on_hold" }, { "open", "solved" },
        { "pending", "open" }, { "pending", "on_hold" }, { "pending", "solved" },
        { "on_hold", "open" }, { "on_hold", "pending" }, { "on_hold", "solved" },
        { "solved", "open" }, { "solved", "closed" },
    };

    public static TheoryData<string, string> Refused => new()
    {
        { "new", "closed" }, { "new", "new" }, { "open", "closed" }, { "open", "open" },
        { "pending", "closed" }, { "on_hold", "closed" }, { "solved", "pending" }, { "solved", "on_hold" },
        { "closed", "open" }, { "closed", "solved" }, { "unknown", "open" }, { "open", "unknown" },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Allowed_transition_is_accepted(string from, string to) => Assert.True(TicketStateMachine.CanMove(from, to));

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refused_transition_is_rejected(string from, string to) => Assert.False(TicketStateMachine.CanMove(from, to));

    [Fact]
    public void Allowed_table_lists_exactly_the_documented_targets()
    {
        Assert.Equal(["open", "pending", "on_hold", "solved"], TicketStateMachine.TargetsFrom("new"));
        Assert.Equal(["pending", "on_hold", "solved"], TicketStateMachine.TargetsFrom("open"));
        Assert.Equal(["open", "on_hold", "solved"], TicketStateMachine.TargetsFrom("pending"));
        Assert.Equal(["open", "pending", "solved"], TicketStateMachine.TargetsFrom("on_hold"));
        Assert.Equal(["open", "closed"], TicketStateMachine.TargetsFrom("solved"));
    }

    [Fact]
    public void Closed_is_final()
    {
        Assert.Empty(TicketStateMachine.TargetsFrom(TicketStatus.Closed));
        Assert.All(TicketStatus.All, to => Assert.False(TicketStateMachine.CanMove(TicketStatus.Closed, to)));
    }

    [Fact]
    public void Nothing_returns_to_new() =>
        Assert.All(TicketStatus.All, from => Assert.False(TicketStateMachine.CanMove(from, TicketStatus.New)));

    [Fact]
    public void Unknown_status_has_no_targets() => Assert.Empty(TicketStateMachine.TargetsFrom("archived"));
}
