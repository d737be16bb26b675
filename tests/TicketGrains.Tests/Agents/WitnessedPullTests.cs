using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Api.Agents;
using TicketGrains.Api.Audit;
using Xunit;

namespace TicketGrains.Tests.Agents;

public sealed class WitnessedPullTests
{
    private static readonly AuditEvent Template =
        new("t1", DateTimeOffset.Parse("2026-11-11T00:00:00Z"), "apikey:k1", AuditActions.Pull, "", "10.0.0.7", "assignee=ann");

    private readonly GatedTrail _trail = new();
    private readonly List<Guid> _forgotten = [];
    private readonly List<(Guid PullId, IReadOnlyList<Guid> Named)> _givenBack = [];
    private Exception? _giveBackFails;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-11T00:00:05Z"));

    [Fact]
    public void A_named_ticket_has_its_entry_started_at_once_before_the_call_is_over()
    {
        var ticket = Guid.NewGuid();
        using var pull = Pull();

        pull.Claiming(ticket);

        Assert.Equal([(AuditActions.Pull, $"ticket:{ticket}", "assignee=ann")], _trail.Started);
    }

    [Fact]
    public async Task Settling_waits_for_the_handed_tickets_entry_and_does_not_write_it_twice()
    {
        var ticket = Guid.NewGuid();
        using var pull = Pull();
        pull.Claiming(ticket);

        var settled = pull.SettleAsync(ticket, "unused");
        Assert.False(settled.IsCompleted);
        _trail.CommitAll();
        await settled;

        Assert.Equal([(AuditActions.Pull, $"ticket:{ticket}", "assignee=ann")], _trail.Committed);
    }

    [Fact]
    public async Task A_ticket_whose_claim_failed_is_taken_back_and_the_handed_one_kept()
    {
        var (failed, handed) = (Guid.NewGuid(), Guid.NewGuid());
        using var pull = Pull();
        pull.Claiming(failed);
        pull.Claiming(handed);
        _trail.CommitAll();

        await pull.SettleAsync(handed, "its claim failed");

        Assert.Equal(
            [(AuditActions.Pull, $"ticket:{failed}", "assignee=ann"), (AuditActions.Pull, $"ticket:{handed}", "assignee=ann"),
                (AuditActions.PullAbandoned, $"ticket:{failed}", "its claim failed")],
            _trail.Committed);
        Assert.All(_trail.Events, e => Assert.Equal(("t1", "apikey:k1", "10.0.0.7"), (e.Tenant, e.Actor, e.ClientAddress)));
    }

    [Fact]
    public async Task A_handed_ticket_no_note_named_is_written_when_the_call_is_over()
    {
        var handed = Guid.NewGuid();
        using var pull = Pull();

        var settled = pull.SettleAsync(handed, "unused");
        _trail.CommitAll();
        await settled;

        Assert.Equal([(AuditActions.Pull, $"ticket:{handed}", "assignee=ann")], _trail.Committed);
    }

    [Fact]
    public async Task Each_entry_is_stamped_when_it_is_written_not_when_the_pull_began()
    {
        var (failed, handed) = (Guid.NewGuid(), Guid.NewGuid());
        using var pull = Pull();
        pull.Claiming(failed);
        _time.Advance(TimeSpan.FromSeconds(12));
        pull.Claiming(handed);
        _trail.CommitAll();
        _time.Advance(TimeSpan.FromMilliseconds(3));

        await pull.SettleAsync(handed, "its claim failed");

        Assert.Equal(
            [DateTimeOffset.Parse("2026-11-11T00:00:05Z"), DateTimeOffset.Parse("2026-11-11T00:00:17Z"), DateTimeOffset.Parse("2026-11-11T00:00:17.003Z")],
            _trail.Events.Select(e => e.At));
    }

    [Fact]
    public async Task A_note_that_comes_after_the_pull_settled_writes_nothing()
    {
        using var pull = Pull();
        await pull.SettleAsync(null, "nothing");

        pull.Claiming(Guid.NewGuid());

        Assert.Empty(_trail.Started);
    }

    [Fact]
    public async Task An_entry_that_never_committed_needs_no_taking_back_and_does_not_fail_the_pull()
    {
        var (failed, handed) = (Guid.NewGuid(), Guid.NewGuid());
        using var pull = Pull();
        pull.Claiming(failed);
        _trail.FailAll(new InvalidOperationException("the audit store blinked"));
        pull.Claiming(handed);
        _trail.CommitAll();

        await pull.SettleAsync(handed, "its claim failed");

        Assert.Equal([(AuditActions.Pull, $"ticket:{handed}", "assignee=ann")], _trail.Committed);
    }

    [Fact]
    public async Task The_handed_tickets_entry_failing_fails_the_pull()
    {
        var handed = Guid.NewGuid();
        using var pull = Pull();
        pull.Claiming(handed);
        _trail.FailAll(new InvalidOperationException("the audit store is down"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => pull.SettleAsync(handed, "unused"));
    }

    [Fact]
    public async Task A_failed_call_takes_back_every_started_entry_and_keeps_its_own_error()
    {
        var ticket = Guid.NewGuid();
        using var pull = Pull();
        pull.Claiming(ticket);
        _trail.CommitAll();

        await pull.SettleAfterFailureAsync(new TimeoutException());

        Assert.Equal(
            [(AuditActions.Pull, $"ticket:{ticket}", "assignee=ann"), (AuditActions.PullAbandoned, $"ticket:{ticket}", "the pull failed: error=TimeoutException")],
            _trail.Committed);
    }

    [Fact]
    public async Task A_failed_call_gives_back_what_the_pull_claimed_naming_every_noted_ticket()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        using var pull = Pull();
        pull.Claiming(first);
        pull.Claiming(second);
        _trail.CommitAll();

        await pull.SettleAfterFailureAsync(new OperationCanceledException());

        var givenBack = Assert.Single(_givenBack);
        Assert.Equal(pull.Witnessing.PullId, givenBack.PullId);
        Assert.Equal([first, second], givenBack.Named);
    }

    [Fact]
    public async Task A_call_that_failed_before_any_note_still_asks_the_agent_to_give_back_what_the_pull_handed()
    {
        using var pull = Pull();

        await pull.SettleAfterFailureAsync(new OperationCanceledException());

        Assert.Equal([(pull.Witnessing.PullId, 0)], _givenBack.Select(g => (g.PullId, g.Named.Count)));
    }

    [Fact]
    public async Task A_give_back_that_fails_does_not_replace_the_calls_own_error_or_stop_the_audit()
    {
        var ticket = Guid.NewGuid();
        using var pull = Pull();
        pull.Claiming(ticket);
        _trail.CommitAll();
        _giveBackFails = new InvalidOperationException("the agent's silo is gone");

        await pull.SettleAfterFailureAsync(new TimeoutException());

        Assert.Single(_givenBack);
        Assert.Equal(AuditActions.PullAbandoned, _trail.Committed.Last().Item1);
    }

    [Fact]
    public async Task A_handed_ticket_whose_entry_failed_is_given_back_since_the_caller_hears_only_the_error()
    {
        var handed = Guid.NewGuid();
        using var pull = Pull();
        pull.Claiming(handed);
        _trail.FailAll(new InvalidOperationException("the audit store is down"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => pull.SettleAsync(handed, "unused"));

        var givenBack = Assert.Single(_givenBack);
        Assert.Equal(pull.Witnessing.PullId, givenBack.PullId);
        Assert.Equal([handed], givenBack.Named);
    }

    [Fact]
    public async Task A_pull_that_answered_its_caller_gives_nothing_back()
    {
        var (failed, handed) = (Guid.NewGuid(), Guid.NewGuid());
        using var pull = Pull();
        pull.Claiming(failed);
        pull.Claiming(handed);
        _trail.CommitAll();

        await pull.SettleAsync(handed, "its claim failed");
        await pull.SettleAsync(null, "nothing");

        Assert.Empty(_givenBack);
    }

    [Fact]
    public void Disposing_stops_the_witness_from_routing_notes_to_it()
    {
        var pull = Pull();

        pull.Dispose();

        Assert.Equal([pull.Witnessing.PullId], _forgotten);
    }

    private WitnessedPull Pull() => new(_trail, Template, new NoWitness(), GiveBackAsync, _forgotten.Add, _time, NullLogger.Instance);

    private Task GiveBackAsync(PullWitnessing witnessing, IReadOnlyList<Guid> named)
    {
        _givenBack.Add((witnessing.PullId, named));
        return _giveBackFails is { } failure ? Task.FromException(failure) : Task.CompletedTask;
    }

    /// <summary>An audit trail whose writes complete only when the test says so, later writes at once.</summary>
    private sealed class GatedTrail : IAuditTrail
    {
        private readonly List<(AuditEvent Event, TaskCompletionSource Done)> _pending = [];
        private Exception? _failLater;
        private bool _open;

        public List<AuditEvent> Events { get; } = [];

        public IEnumerable<(string, string, string)> Started => _pending.Select(p => p.Event).Concat(Events).Select(Key);

        public IEnumerable<(string, string, string)> Committed => Events.Select(Key);

        public Task RecordAsync(AuditEvent auditEvent)
        {
            if (_open)
            {
                Events.Add(auditEvent);
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource();
            _pending.Add((auditEvent, done));
            return done.Task;
        }

        public void CommitAll()
        {
            foreach (var (auditEvent, done) in _pending)
            {
                if (_failLater is { } error)
                {
                    done.SetException(error);
                }
                else
                {
                    Events.Add(auditEvent);
                    done.SetResult();
                }
            }

            _pending.Clear();
            _open = _failLater is null;
        }

        public void FailAll(Exception error)
        {
            _failLater = error;
            CommitAll();
            _failLater = null;
        }

        private static (string, string, string) Key(AuditEvent e) => (e.Action, e.Target, e.Detail);
    }

    private sealed class NoWitness : IPullWitness
    {
        public Task ClaimingAsync(Guid pullId, Guid ticketId) => Task.CompletedTask;
    }
}
