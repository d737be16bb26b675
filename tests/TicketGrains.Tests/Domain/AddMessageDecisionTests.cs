using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.Tickets;
using Xunit;

namespace TicketGrains.Tests.Domain;

public sealed class AddMessageDecisionTests
{
    private static readonly DateTimeOffset Now = TicketStates.T0.AddMinutes(5);

    [Fact]
    public void Public_reply_becomes_a_message_event()
    {
        var e = TicketDecisions.AddMessage(TicketStates.Created(), "agent-1", "We are on it.", isInternal: false, Now);

        Assert.Equal(new MessageAdded("agent-1", "We are on it.", false, Now), e);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    public void Empty_body_is_refused(string body)
    {
        var error = Assert.Throws<InvalidFieldException>(() => TicketDecisions.AddMessage(TicketStates.Created(), "agent-1", body, false, Now));

        Assert.Equal("body", error.Field);
    }

    [Fact]
    public void Body_at_the_limit_is_accepted()
    {
        var body = new string('x', TicketCatalog.MaxMessageLength);

        Assert.Equal(body, TicketDecisions.AddMessage(TicketStates.Created(), "agent-1", body, false, Now).Body);
    }

    [Fact]
    public void Oversize_body_is_refused()
    {
        var body = new string('x', TicketCatalog.MaxMessageLength + 1);

        var error = Assert.Throws<InvalidFieldException>(() => TicketDecisions.AddMessage(TicketStates.Created(), "agent-1", body, false, Now));

        Assert.Equal("body", error.Field);
        Assert.Equal("The message body is longer than 20000 characters.", error.Message);
    }

    [Fact]
    public void Missing_author_is_refused()
    {
        var error = Assert.Throws<InvalidFieldException>(() => TicketDecisions.AddMessage(TicketStates.Created(), " ", "Hello", false, Now));

        Assert.Equal("author", error.Field);
    }

    [Fact]
    public void Closed_ticket_takes_no_more_messages()
    {
        var error = Assert.Throws<InvalidFieldException>(() =>
            TicketDecisions.AddMessage(TicketStates.In(TicketStatus.Closed), "customer", "One more thing", false, Now));

        Assert.Equal("status", error.Field);
    }

    [Fact]
    public void Solved_ticket_still_takes_messages() =>
        Assert.Equal("Thanks!", TicketDecisions.AddMessage(TicketStates.In(TicketStatus.Solved), "customer", "Thanks!", false, Now).Body);

    [Fact]
    public void Message_on_a_ticket_never_created_is_not_found() =>
        Assert.Throws<NotFoundException>(() => TicketDecisions.AddMessage(new TicketState(), "agent-1", "Hello", false, Now));
}
