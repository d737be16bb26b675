using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Live;
using TicketGrains.Grains.Pipeline;
using Xunit;

namespace TicketGrains.Tests.Live;

/// <summary>A live-feed batch's predecessor is remembered only while pages run back to back; every doubt goes to the log.</summary>
public sealed class FeedPredecessorsTests
{
    private static readonly Func<string, bool> Everyone = _ => true;

    private static CommittedEvent Event(string tenant, ulong tx, long position) =>
        new(tx, position, tenant, "ticket-" + Guid.NewGuid().ToString("D"), 1, "TicketCreated", "{}", DateTimeOffset.UnixEpoch);

    private static Dictionary<string, LogKey> First(params (string Tenant, CommittedEvent Event)[] firsts) =>
        firsts.ToDictionary(f => f.Tenant, f => new LogKey(f.Event.TransactionId, f.Event.Position), StringComparer.Ordinal);

    /// <summary>Reads and completes a page of <paramref name="events"/> after <paramref name="from"/>; returns its end.</summary>
    private static Checkpoint Handle(FeedPredecessors memory, Checkpoint? from, params CommittedEvent[] events)
    {
        var end = Checkpoint.After(events[^1]);
        memory.PageRead(from, end, Everyone, handsOver: true);
        memory.Handled(events);
        return end;
    }

    [Fact]
    public void The_first_page_leaves_every_tenant_to_the_log()
    {
        var memory = new FeedPredecessors();
        var a = Event("a", 10, 1);
        memory.PageRead(new Checkpoint(9, 0), Checkpoint.After(a), Everyone, handsOver: true);

        var (known, unknown) = memory.Before(First(("a", a)), [a]);

        Assert.Empty(known);
        Assert.Equal(["a"], unknown);
    }

    [Fact]
    public void A_page_right_after_a_completed_one_names_each_tenants_last_event_of_it()
    {
        var memory = new FeedPredecessors();
        var (a1, a2, b1) = (Event("a", 10, 1), Event("a", 11, 2), Event("b", 11, 3));
        var end = Handle(memory, null, a1, a2, b1);
        var (a3, b2) = (Event("a", 12, 4), Event("b", 12, 5));
        memory.PageRead(end, Checkpoint.After(b2), Everyone, handsOver: true);

        var (known, unknown) = memory.Before(First(("a", a3), ("b", b2)), [a3, b2]);

        Assert.Equal(new Dictionary<string, LogKey> { ["a"] = new(11, 2), ["b"] = new(11, 3) }, known);
        Assert.Empty(unknown);
    }

    [Fact]
    public void A_page_that_does_not_start_where_the_last_ended_forgets_everything()
    {
        var memory = new FeedPredecessors();
        Handle(memory, null, Event("a", 10, 1));
        var a = Event("a", 20, 7);
        // Events up to (15, 6) were handled elsewhere, e.g. by the subscriber on another silo.
        memory.PageRead(new Checkpoint(15, 6), Checkpoint.After(a), Everyone, handsOver: true);

        var (known, unknown) = memory.Before(First(("a", a)), [a]);

        Assert.Empty(known);
        Assert.Equal(["a"], unknown);
    }

    [Fact]
    public void A_page_repeated_after_its_handling_failed_goes_to_the_log()
    {
        var memory = new FeedPredecessors();
        var end = Handle(memory, null, Event("a", 10, 1));
        var a = Event("a", 11, 2);
        memory.PageRead(end, Checkpoint.After(a), Everyone, handsOver: true);
        // The publish failed: no Handled; the pump reads the same page again.
        memory.PageRead(end, Checkpoint.After(a), Everyone, handsOver: true);

        var (known, unknown) = memory.Before(First(("a", a)), [a]);

        Assert.Empty(known);
        Assert.Equal(["a"], unknown);
    }

    [Fact]
    public void A_tenant_nobody_listened_to_for_a_page_is_forgotten()
    {
        var memory = new FeedPredecessors();
        var end = Handle(memory, null, Event("a", 10, 1), Event("b", 10, 2));
        // A page in which only b was listened to: a's events in it were passed over.
        var b = Event("b", 11, 4);
        memory.PageRead(end, Checkpoint.After(b), t => t == "b", handsOver: true);
        memory.Handled([b]);
        var (a, b2) = (Event("a", 12, 5), Event("b", 12, 6));
        memory.PageRead(Checkpoint.After(b), Checkpoint.After(b2), Everyone, handsOver: true);

        var (known, unknown) = memory.Before(First(("a", a), ("b", b2)), [a, b2]);

        Assert.Equal(new Dictionary<string, LogKey> { ["b"] = new(11, 4) }, known);
        Assert.Equal(["a"], unknown);
    }

    [Fact]
    public void A_page_with_nothing_to_hand_over_is_complete_at_once()
    {
        var memory = new FeedPredecessors();
        var end = Handle(memory, null, Event("a", 10, 1));
        var passed = new Checkpoint(11, 9);
        memory.PageRead(end, passed, Everyone, handsOver: false);
        var a = Event("a", 12, 10);
        memory.PageRead(passed, Checkpoint.After(a), Everyone, handsOver: true);

        var (known, _) = memory.Before(First(("a", a)), [a]);

        Assert.Equal(new Dictionary<string, LogKey> { ["a"] = new(10, 1) }, known);
    }

    [Fact]
    public void An_event_of_the_page_before_the_first_change_is_the_predecessor_even_without_memory()
    {
        var memory = new FeedPredecessors();
        // A surge event that is no feed change, then the tenant's first change in the page.
        var (quiet, change) = (Event("a", 10, 1), Event("a", 10, 2));
        memory.PageRead(null, Checkpoint.After(change), Everyone, handsOver: true);

        var (known, unknown) = memory.Before(First(("a", change)), [quiet, change]);

        Assert.Equal(new Dictionary<string, LogKey> { ["a"] = new(10, 1) }, known);
        Assert.Empty(unknown);
    }

    [Fact]
    public void A_remembered_key_not_before_the_first_change_goes_to_the_log()
    {
        var memory = new FeedPredecessors();
        var end = Handle(memory, null, Event("a", 10, 5));
        var earlier = Event("a", 10, 3);
        memory.PageRead(end, Checkpoint.After(earlier), Everyone, handsOver: true);

        var (known, unknown) = memory.Before(First(("a", earlier)), [earlier]);

        Assert.Empty(known);
        Assert.Equal(["a"], unknown);
    }
}
