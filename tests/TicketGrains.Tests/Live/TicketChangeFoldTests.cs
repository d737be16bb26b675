using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Live;
using TicketGrains.Grains.Pipeline;
using TicketGrains.Grains.Surges;
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
        var tickets = TicketChangeFold.FeedEvents(page);

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
        var tickets = TicketChangeFold.FeedEvents(page);

        Assert.Equal([new TicketChangeFold.HistoryNeed("shop", StreamIds.Ticket(TicketId), 3)], TicketChangeFold.HistoryNeeded(tickets));
        var change = Assert.Single(TicketChangeFold.Project(tickets, new() { [("shop", StreamIds.Ticket(TicketId))] = history })).Change;
        Assert.Equal(new TicketChange(TicketId, 3, "StatusChanged", "pending", "after-sales", "ann", Later, "normal"), Assert.IsType<LoggedTicketChange>(change).Change);
    }

    [Fact]
    public void A_surge_event_is_on_the_feed_as_recorded_under_its_webhook_name_and_needs_no_history()
    {
        var surgeId = Guid.Parse("0193a3c4-0000-7000-8000-0000000000aa");
        var detected = new SurgeDetected(surgeId, "logistics_exception", TicketStates.T0, 12, 1.5, 10, null, null, Later);
        var ended = new SurgeEnded(surgeId, "logistics_exception", Later, 14, 14, 0, Later.AddMinutes(9));
        var page = new[]
        {
            new CommittedEvent(50, 1, "shop", SurgeStreams.For(surgeId), 1, EventSerializer.TypeName(detected), EventSerializer.Serialize(detected), Later),
            new CommittedEvent(60, 1, "shop", SurgeStreams.For(surgeId), 2, EventSerializer.TypeName(ended), EventSerializer.Serialize(ended), Later),
        };
        var surges = TicketChangeFold.FeedEvents(page);

        var changes = TicketChangeFold.Project(surges, []);

        Assert.Empty(TicketChangeFold.HistoryNeeded(surges));
        Assert.Equal([(new LogKey(50, 1), "surge.detected"), (new LogKey(60, 1), "surge.ended")],
            changes.Select(c => (c.Change.Key, Assert.IsType<LoggedSurgeChange>(c.Change).Change.EventType)));
        var details = System.Text.Json.JsonDocument.Parse(((LoggedSurgeChange)changes[0].Change).Change.Details).RootElement;
        Assert.Equal((surgeId, "logistics_exception", 12), (details.GetProperty("surgeId").GetGuid(), details.GetProperty("category").GetString(), details.GetProperty("windowCount").GetInt32()));
        Assert.DoesNotContain('\n', ((LoggedSurgeChange)changes[1].Change).Change.Details);
    }

    private static TicketCreated Created() => TicketStates.Decide(TicketId, TicketStates.Command(category: "refund"), TicketStates.T0);

    private static CommittedEvent Committed(int version, IDomainEvent e) =>
        new(39UL + (ulong)version, version, "shop", StreamIds.Ticket(TicketId), version, EventSerializer.TypeName(e), EventSerializer.Serialize(e), e.At);
}
