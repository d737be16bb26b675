using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Tickets;
using TicketGrains.Tests.Domain;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Intents;

/// <summary>A proposed category travels from the create command through the stored event to the ticket's view.</summary>
public sealed class ProposedCategoryTests
{
    [Fact]
    public void A_proposal_is_stored_with_the_created_ticket_and_shown_on_its_view()
    {
        var command = TicketStates.Command() with { ProposedCategory = new CategoryConfidence("refund", 0.41) };
        var created = TicketStates.Decide(Guid.NewGuid(), command, TicketStates.T0);
        var stored = (TicketCreated)EventSerializer.Deserialize(EventSerializer.TypeName(created), EventSerializer.Serialize(created));

        var view = new TicketState().With(stored).ToView("shop-1");

        Assert.Equal(("general", new CategoryConfidence("refund", 0.41)), (view.Category, view.ProposedCategory));
    }

    [Fact]
    public void A_ticket_without_a_proposal_shows_none() => Assert.Null(TicketStates.Created().ToView("shop-1").ProposedCategory);
}
