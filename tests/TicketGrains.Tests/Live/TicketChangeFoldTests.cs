using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Live;
using TicketGrains.Grains.Pipeline;
using TicketGrains.Grains.Tickets;
using TicketGrains.Tests.Domain;
using Xunit;

namespace TicketGrains.Tests.Live;

public sealed class TicketChangeFoldTests
{
    private static readonly Guid TicketId = Guid.Parse("0193a3c4-0000-7000-8000-000000000001");
    private static readonly DateTimeOffset Later = TicketStates.T0.AddMinutes(5);

    [Fact]
    public void Each_ticket_event_becomes_the_ticket_state_after_it_and_other_streams_are_left_out()
    {
        var page = new[]
        {
            Committed(1, Created()),
            new CommittedEvent(40, 5, "shop", StreamIds.Customer(Guid.NewGuid()), 1, "IdentityClaimed", "{}", Later),
            Committed(2, new AssigneeChanged(null, "ann", "ann", Later)),
        };
        var tickets = TicketChangeFold.TicketEvents(page);

        var changes = TicketChangeFold.Project(tickets, []);

        Assert.Empty(TicketChangeFold.HistoryNeeded(tickets));
        Assert.Equal(
            [
                ("shop", new LoggedTicketChange(new LogKey(40, 1), new TicketChange(TicketId, 1, "TicketCreated", "new", "after-sales", null, TicketStates.T0, "normal"))),
                ("shop", new LoggedTicketChange(new LogKey(41, 2), new TicketChange(TicketId, 2, "AssigneeChanged", "open", "after-sales", "ann", Later, "normal"))),
            ],
            changes);
    }

    [Fact]
    public void A_ticket_first_seen_after_its_creation_is_folded_on_from_its_history()
    {
        var page = new[] { Committed(3, new StatusChanged("open", "pending", "ann", Later)) };
        var history = new TicketState();
        history.Apply(Created());
        history.Apply(new AssigneeChanged(null, "ann", "ann", TicketStates.T0));
        var tickets = TicketChangeFold.TicketEvents(page);

        Assert.Equal([new TicketChangeFold.HistoryNeed("shop", StreamIds.Ticket(TicketId), 3)], TicketChangeFold.HistoryNeeded(tickets));
        var change = Assert.Single(TicketChangeFold.Project(tickets, new() { [("shop", StreamIds.Ticket(TicketId))] = history })).Change.Change;
        Assert.Equal(new TicketChange(TicketId, 3, "StatusChanged", "pending", "after-sales", "ann", Later, "normal"), change);
    }

    private static TicketCreated Created() => TicketStates.Decide(TicketId, TicketStates.Command(category: "refund"), TicketStates.T0);

    private static CommittedEvent Committed(int version, IDomainEvent e) =>
        new(39UL + (ulong)version, version, "shop", StreamIds.Ticket(TicketId), version, EventSerializer.TypeName(e), EventSerializer.Serialize(e), e.At);
}
