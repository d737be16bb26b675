using TicketGrains.Grains.Customers;
using TicketGrains.Grains.Encryption;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.ReadModel;
using TicketGrains.Grains.Routing;
using TicketGrains.Grains.Tickets;
using TicketGrains.Tests.Domain;
using Xunit;

namespace TicketGrains.Tests.ReadModel;

public sealed class TicketRowFoldTests
{
    private static readonly DateTimeOffset T0 = TicketStates.T0;

    [Fact]
    public void After_every_event_the_fold_of_the_stored_log_is_the_row_the_grain_writes()
    {
        var created = TicketStates.Decide(Guid.NewGuid(), TicketStates.Command(priority: "high"), T0);
        IDomainEvent[] history =
        [
            created,
            new MessageAdded("customer", "Any news?", false, T0.AddMinutes(5)),
            new MessageAdded("ann", "Checking with the courier.", true, T0.AddMinutes(6)),
            new AssigneeChanged(null, "ann", "lead", T0.AddMinutes(7)),
            new StatusChanged("open", "pending", "ann", T0.AddMinutes(8)),
            new StatusChanged("pending", "open", "ann", T0.AddMinutes(9)),
            new MessageAdded("ann", "It ships today.", false, T0.AddMinutes(10)),
            new AssigneeChanged("ann", null, "lead", T0.AddMinutes(11)),
            new StatusChanged("open", "solved", "ann", T0.AddMinutes(12)),
        ];
        var grain = new TicketState();
        var fold = new TicketRowFold();
        var storedSubject = Seal(created.Subject);
        for (var i = 0; i < history.Length; i++)
        {
            // The grain holds its events open; the log holds them sealed, and the fold reads the log.
            grain.Apply(history[i]);
            var stored = EventProtection.Map(history[i], Seal);
            fold.Apply(100 + (i * 7), i + 1, EventSerializer.TypeName(stored), EventSerializer.Serialize(stored));

            Assert.Equal(TicketReadModelRow.From(grain, storedSubject), fold.Row);
            Assert.Equal(grain.Version, fold.Version);
        }

        Assert.Equal(created.TicketId, fold.TicketId);
    }

    [Fact]
    public void The_row_keeps_the_tier_the_latest_routing_skills_and_the_agents_an_offer_lapsed_or_was_declined_with()
    {
        var fold = Folded(TicketStates.Decide(Guid.NewGuid(), TicketStates.Command(tier: "gold"), T0));
        Assert.Equal(("gold", "", ""), (fold.Row.Tier, fold.Row.Skills, fold.Row.SkippedAgents));

        Apply(fold, new TicketRouted("refunds", "category refund", "general", "high", ["refund", "zh-CN"], [], T0.AddMinutes(1)));
        Apply(fold, new TicketClaimed("ann", T0.AddMinutes(3), T0.AddMinutes(2), Offered: true));
        Apply(fold, new ClaimReturned("ann", ClaimDecisions.NotAccepted, T0.AddMinutes(3)));
        // A pull abandoned on its way back is not the agent's choice: that agent stays eligible.
        Apply(fold, new TicketClaimed("bob", T0.AddMinutes(5), T0.AddMinutes(4), Offered: true));
        Apply(fold, new ClaimReturned("bob", ClaimDecisions.Abandoned, T0.AddMinutes(4)));

        Assert.Equal(("gold", "refund zh-CN", "ann"), (fold.Row.Tier, fold.Row.Skills, fold.Row.SkippedAgents));
        Assert.Equal(["refund", "zh-CN"], TicketRow.Split(fold.Row.Skills));
        Assert.Empty(TicketRow.Split(""));
    }

    [Fact]
    public void The_deadline_column_holds_a_running_deadline_only()
    {
        var fold = Folded(TicketStates.Decide(Guid.NewGuid(), TicketStates.Command(), T0));
        Assert.Equal(T0.AddHours(24), fold.Row.SlaDueAt);

        Apply(fold, new MessageAdded("ann", "internal note", true, T0.AddMinutes(1)));
        Assert.Equal(T0.AddHours(24), fold.Row.SlaDueAt);

        Apply(fold, new StatusChanged("new", "pending", "ann", T0.AddMinutes(2)));
        Assert.Null(fold.Row.SlaDueAt);

        // The minute spent pending does not count: the first reply is due that much later.
        Apply(fold, new StatusChanged("pending", "open", "ann", T0.AddMinutes(3)));
        Assert.Equal(T0.AddHours(24).AddMinutes(1), fold.Row.SlaDueAt);

        Apply(fold, new SlaBreached(T0.AddHours(24).AddMinutes(1), T0.AddHours(24).AddMinutes(1)));
        Assert.Null(fold.Row.SlaDueAt);
        Assert.Equal((5, T0.AddHours(24).AddMinutes(1)), (fold.Version, fold.Row.UpdatedAt));
    }

    [Fact]
    public void A_public_reply_of_an_agent_ends_the_deadline_and_a_customer_message_does_not()
    {
        var fold = Folded(TicketStates.Decide(Guid.NewGuid(), TicketStates.Command(), T0));

        Apply(fold, new MessageAdded("customer", "Hello?", false, T0.AddMinutes(1)));
        Assert.NotNull(fold.Row.SlaDueAt);

        Apply(fold, new MessageAdded("ann", "On it.", false, T0.AddMinutes(2)));
        Assert.Null(fold.Row.SlaDueAt);
    }

    [Fact]
    public void A_version_out_of_sequence_is_refused()
    {
        var fold = Folded(TicketStates.Decide(Guid.NewGuid(), TicketStates.Command(), T0));
        var message = new MessageAdded("ann", "x", false, T0);

        Assert.Throws<InvalidOperationException>(() => fold.Apply(2, 3, nameof(MessageAdded), EventSerializer.Serialize(message)));
        Assert.Throws<InvalidOperationException>(() => fold.Apply(2, 1, nameof(MessageAdded), EventSerializer.Serialize(message)));
        Assert.Equal(1, fold.Version);
    }

    [Fact]
    public void A_position_that_does_not_grow_with_the_version_is_refused()
    {
        var fold = Folded(TicketStates.Decide(Guid.NewGuid(), TicketStates.Command(), T0));

        Assert.Throws<InvalidOperationException>(() => fold.Apply(1, 2, nameof(MessageAdded), EventSerializer.Serialize(new MessageAdded("ann", "x", false, T0))));
    }

    [Fact]
    public void A_stream_must_start_with_its_creation_and_hold_only_ticket_events()
    {
        var created = TicketStates.Decide(Guid.NewGuid(), TicketStates.Command(), T0);

        Assert.Throws<InvalidOperationException>(() => new TicketRowFold().Apply(1, 1, nameof(MessageAdded), EventSerializer.Serialize(new MessageAdded("a", "b", false, T0))));
        Assert.Throws<InvalidOperationException>(() => Folded(created).Apply(2, 2, nameof(TicketCreated), EventSerializer.Serialize(created)));
        var registered = new CustomerRegistered(Guid.NewGuid(), "web:1", "Li", null, null, "regular", T0);
        Assert.Throws<InvalidOperationException>(() => Folded(created).Apply(2, 2, nameof(CustomerRegistered), EventSerializer.Serialize(registered)));
        Assert.Throws<InvalidOperationException>(() => new TicketRowFold().Row);
    }

    private static string Seal(string value) => PersonalData.SealedPrefix + "1:" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value));

    private static TicketRowFold Folded(TicketCreated created)
    {
        var fold = new TicketRowFold();
        fold.Apply(1, 1, nameof(TicketCreated), EventSerializer.Serialize(created));
        return fold;
    }

    private static void Apply(TicketRowFold fold, IDomainEvent e) =>
        fold.Apply(fold.Version + 1, fold.Version + 1, EventSerializer.TypeName(e), EventSerializer.Serialize(e));
}
