using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.Agents;
using TicketGrains.Grains.Attachments;
using TicketGrains.Grains.AutoFill.Proposals;
using TicketGrains.Grains.Encryption;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.OrderEvents;
using TicketGrains.Grains.ReadModel;
using TicketGrains.Grains.Routing;
using TicketGrains.Grains.Rules;
using TicketGrains.Grains.Sla;
using TicketGrains.Grains.Surges;

namespace TicketGrains.Grains.Tickets;

/// <summary>One ticket: an event-sourced state machine whose every change is durable before it is acknowledged.</summary>
public sealed partial class TicketGrain(
    IEventLog log,
    IOptions<SlaOptions> sla,
    IOptions<EventLogOptions> logOptions,
    IOptions<AgentOptions> agents,
    TimeProvider time,
    SlaWatchRegistry slaWatch,
    IPersonalDataProtection protection,
    TicketMetrics metrics,
    ILogger<TicketGrain> logger) : Grain, ITicketGrain
{
    private EventSourcedStream<TicketState> _stream = null!;
    private CustomerCipherSlot _cipher = null!;

    /// <summary>The subject as sealed for the read-model row: it never changes, so one seal serves the activation.</summary>
    private string? _sealedSubject;
    private Guid _id;
    private int _snapshotVersion;
    private bool _wasWaiting;
    private bool _wasActive;
    private string? _heldBy;
    private string _waitedIn = "";

    /// <summary>The priority and skills the queue last got the ticket with: a re-route or priority change re-enqueues it.</summary>
    private string _waitedAs = "";
    private DeadlineTimer _slaTimer = null!;
    private DeadlineTimer _claimTimer = null!;

    /// <summary>
    /// The creation's text as this activation created it. The pipeline's field reading asks for it moments later; served
    /// from here it costs no read of the log and no opening of the sealed event. Handed out once and then dropped: a ticket
    /// kept active by its SLA clocks would otherwise hold its creation's text for hours, and a repeated ask (a retry after a
    /// failed reading) is served from the log like any later item.
    /// </summary>
    private FieldSourceItem? _creationItem;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _cipher.Dispose();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (tenant, local) = GrainKeys.Split(this.GetPrimaryKeyString());
        _id = Guid.Parse(local);
        _cipher = new CustomerCipherSlot(protection, tenant);
        _slaTimer = new DeadlineTimer(this, time, CheckSlaAsync);
        _claimTimer = new DeadlineTimer(this, time, CheckClaimAsync);
        // Every ticket event is sealed with the key of the ticket's customer, so erasing the customer erases the thread.
        var codec = new PersonalEventCodec<TicketState>(_cipher, (e, s) => e is TicketCreated c ? c.CustomerId : s.CustomerId);
        _stream = new EventSourcedStream<TicketState>(log, tenant, StreamIds.Ticket(_id), () => new TicketState(), (s, e) => s.Apply(e), codec);
        return Task.CompletedTask;
    }

    private string Tenant => _stream.TenantId;

    private TicketState State => _stream.State;

    public async Task<CreatedTicket> CreateAsync(CreateTicket command)
    {
        if (!_stream.Loaded)
        {
            // Most creates are for fresh ids: try version 1 without reading; the unique (stream, version)
            // key turns a retry or a duplicate activation into a conflict, resolved by reading below.
            _stream.AssumeEmpty();
        }

        if (!State.Exists)
        {
            try
            {
                // The SLA policy is chosen for the routed priority: a rule that raises it gets the tighter targets.
                var now = time.GetUtcNow();
                var routing = await GrainFactory.Reference<ITenantRulesGrain>(Tenant).RouteAsync(command);
                var routed = TicketRouted.From(routing, command.Priority, now);
                var plan = await GrainFactory.Reference<ISlaPolicyGrain>(Tenant).PlanForAsync(
                    new SlaTicketFacts(command.Category, command.CustomerTier, command.Channel, routed.Priority));
                var created = TicketDecisions.Create(_id, command, routed, plan, now);
                await AppendAsync(created);
                _creationItem = FieldSourceItems.Of(created);
                metrics.Created(command.Channel, command.Priority);
                ReleaseAfterFollowUps();
                return new CreatedTicket(State.ToView(Tenant), Repeated: false);
            }
            catch (ConflictException)
            {
                await LoadAsync();
            }
        }

        if (State.RequestHash != command.RequestHash)
        {
            throw new ConflictException("This Idempotency-Key was already used for a different request.");
        }

        SyncSideEffects(force: true);
        return new CreatedTicket(await AsFirstCreatedAsync(), Repeated: true);
    }

    public async Task<TicketView> GetAsync()
    {
        await RequireTicketAsync();
        return State.ToView(Tenant);
    }

    public async Task<IReadOnlyList<TicketEventView>> GetEventsAsync()
    {
        await RequireTicketAsync();
        var views = new List<TicketEventView>();
        foreach (var e in await log.ReadStreamAsync(Tenant, _stream.StreamId, 0))
        {
            views.Add(new TicketEventView(e.Version, e.EventType, e.RecordedAt, await OpenJsonAsync(e)));
        }

        return views;
    }

    public Task ForgetPersonalDataAsync()
    {
        // The next call reloads from the log, where the erased customer's fields no longer open.
        this.DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<TicketView> ReadAsync(string reader) =>
        DecideAsync(null, s => ClaimDecisions.AcceptOnRead(s, reader, time.GetUtcNow()));

    public Task<TicketView> AddMessageAsync(string author, string body, bool isInternal, string actor, int? expectedVersion) =>
        DecideAsync(expectedVersion, s => TicketDecisions.AddMessage(s, author, body, isInternal, time.GetUtcNow(), actor));

    public Task<TicketView> AddAttachmentAsync(AttachmentNote note) =>
        DecideAsync(null, s => AttachmentDecisions.Add(s, note, time.GetUtcNow()));

    public Task<TicketView> RecordAttachmentFailureAsync(string inboundMessage, string reason) =>
        DecideAsync(null, s => AttachmentDecisions.FetchFailed(s, inboundMessage, reason, time.GetUtcNow()));

    public Task<TicketView> AddInboundMessageAsync(string body, InboundOrigin origin) =>
        DecideAsync(null, s => TicketDecisions.AddInbound(s, body, origin, time.GetUtcNow()));

    public async Task<FieldSourceItem?> FieldSourceAsync(int version)
    {
        await RequireTicketAsync();
        if (State.FieldReadings.Contains(version) || version > State.Version)
        {
            return null;
        }

        if (version == 1 && _creationItem is { } created)
        {
            _creationItem = null;
            return created;
        }

        // The event as stored, opened with the ticket's customer key: the pipeline's copy is sealed and names no customer.
        var stored = (await log.ReadStreamAsync(Tenant, _stream.StreamId, version - 1)).FirstOrDefault(e => e.Version == version);
        return stored is null ? null
            : FieldSourceItems.Of(await _cipher.OpenAsync(EventSerializer.Deserialize(stored.EventType, stored.Json), State.CustomerId));
    }

    public Task<TicketView> RecordFieldReadingAsync(FieldReading reading) =>
        DecideAsync(null, s => FieldProposalDecisions.Record(s, reading, time.GetUtcNow()));

    public Task<TicketView> AcceptProposedFieldAsync(string name, string? value, string actor) =>
        DecideAsync(null, s => FieldProposalDecisions.Accept(s, name, value, actor, time.GetUtcNow()));

    public Task<TicketView> RejectProposedFieldAsync(string name, string actor) =>
        DecideAsync(null, s => FieldProposalDecisions.Reject(s, name, actor, time.GetUtcNow()));

    public async Task<TicketThreadFacts> ThreadFactsAsync()
    {
        await RequireTicketAsync();
        return new TicketThreadFacts(_id, TicketStatus.IsActive(State.Status), State.InboundChannelId, [.. State.ThreadKeyHashes],
            State.Fields.GetValueOrDefault(OrderEventTypes.OrderNoField), State.LastCustomerMessageAt, State.CustomerId,
            State.Status == TicketStatus.Closed);
    }

    public Task<TicketView> LinkSurgeAsync(Guid surgeId, Guid? problemTicketId) =>
        DecideAsync(null, s => SurgeTicketDecisions.Link(s, surgeId, problemTicketId, time.GetUtcNow()));

    public async Task<bool> SendSurgeNoticeAsync(Guid surgeId, IReadOnlyDictionary<string, string> notice)
    {
        await DecideAsync(null, s => SurgeTicketDecisions.Notice(s, surgeId, notice, time.GetUtcNow()));
        return SurgeTicketDecisions.Noticed(State, surgeId);
    }

    public Task<TicketView> ChangeStatusAsync(string status, string actor, int? expectedVersion) =>
        DecideAsync(expectedVersion, s => TicketDecisions.ChangeStatus(s, status, actor, time.GetUtcNow()));

    public async Task<TicketView> ChangePriorityAsync(string priority, string actor, int? expectedVersion)
    {
        await RequireTicketAsync();
        var plan = await PlanForAsync(priority);
        return await DecideAsync(expectedVersion, s => TicketDecisions.ChangePriority(s, priority, plan, actor, time.GetUtcNow()));
    }

    /// <summary>The SLA plan the tenant's policies give the ticket at <paramref name="priority"/>, as at its creation.</summary>
    private Task<SlaPlan> PlanForAsync(string priority) =>
        GrainFactory.Reference<ISlaPolicyGrain>(Tenant).PlanForAsync(
            new SlaTicketFacts(State.Category, State.Tier ?? TicketCatalog.DefaultTier, State.Channel, priority));

    public Task<TicketView> AssignAsync(string? agentId, string actor, int? expectedVersion) =>
        DecideAsync(expectedVersion, s => TicketDecisions.Assign(s, agentId, actor, time.GetUtcNow()));

    public Task<TicketView> ApplyOrderEventAsync(OrderEventNotice notice) =>
        DecideAsync(null, s => OrderEventDecisions.Apply(s, notice, time.GetUtcNow()));

    public Task<TicketView?> ClaimAsync(string agentId) =>
        HandOutAsync(() => ClaimDecisions.Claim(State, agentId, agents.Value.ClaimAckTimeout, time.GetUtcNow()));

    public Task<TicketView?> OfferAsync(string agentId, TimeSpan acceptWithin) =>
        HandOutAsync(() => AssignmentDecisions.Offer(State, agentId, acceptWithin, time.GetUtcNow()));

    public Task<TicketView> DeclineOfferAsync(string agentId) =>
        DecideAsync(null, s => AssignmentDecisions.Decline(s, agentId, time.GetUtcNow()));

    public Task RequeueUnstartedAsync(string agentId) =>
        DecideAsync(null, s => AssignmentDecisions.RequeueUnstarted(s, agentId, time.GetUtcNow()));

    public Task OverflowAsync(string from, string to) =>
        DecideAsync(null, s => AssignmentDecisions.Overflow(s, from, to, time.GetUtcNow()));

    /// <summary>Records a claim or offer if the ticket still waits; its optimistic append makes the hand-out exactly-once.</summary>
    private async Task<TicketView?> HandOutAsync(Func<TicketClaimed?> decide)
    {
        PullTrace.Mark("ticket-in", _stream.Loaded ? 1 : 0);
        await EnsureLoadedAsync();
        if (decide() is not { } claim)
        {
            return null;
        }

        try
        {
            await AppendAsync(claim);
            PullTrace.Mark("ticket-out");
            return State.ToView(Tenant);
        }
        catch (ConflictException)
        {
            // Another activation changed the ticket first; it is no longer this agent's to take.
            return null;
        }
    }

    public Task<TicketView> AcceptClaimAsync(string agentId) =>
        DecideAsync(null, s => ClaimDecisions.Accept(s, agentId, time.GetUtcNow()));

    public Task ReturnClaimAsync(string agentId) =>
        DecideAsync(null, s => ClaimDecisions.Abandon(s, agentId, time.GetUtcNow()));

    public Task WarmAsync() => EnsureLoadedAsync();

    public async Task CheckClaimAsync()
    {
        await EnsureLoadedAsync();
        if (ClaimDecisions.Expire(State, time.GetUtcNow()) is { } expired)
        {
            await AppendAsync(expired);
        }
        else
        {
            _claimTimer.Arm(State.ClaimAcceptBy);
        }
    }

    public async Task<IReadOnlyList<string>> RunTriggersAsync(TriggerRun run)
    {
        await EnsureLoadedAsync();
        if (!State.Exists || run.Position <= State.TriggersRanUpTo)
        {
            return [];
        }

        var outcome = TriggerEngine.Run(State, run.Kind, run.Attributes, RuleRun.Parse(run.Rules), time.GetUtcNow());
        await AppendRuleOutcomeAsync(outcome, run.Position, run.Kind);
        return outcome.Fired;
    }

    public async Task<bool> RunTimeRuleAsync(RuleVersion rule, DateTimeOffset since)
    {
        await EnsureLoadedAsync();
        var parsed = RuleRun.Parse([rule]);
        // PostgreSQL keeps microseconds, the state ticks: the stay is compared at the coarser of the two.
        since = Microseconds(since);
        if (!State.Exists || parsed[0].Rule.Status != State.Status || Microseconds(State.StatusSince) != since
            || Microseconds(State.TimeRulesFired.GetValueOrDefault(rule.Id)) == since)
        {
            return false;
        }

        var outcome = TriggerEngine.Run(State, RuleKinds.Time, TimeRuleAttributes, parsed, time.GetUtcNow(), maxPasses: 1);
        await AppendRuleOutcomeAsync(outcome, 0, RuleKinds.Time);
        return outcome.Fired.Count > 0;
    }

    private static DateTimeOffset Microseconds(DateTimeOffset at) => at.AddTicks(-(at.Ticks % 10));

    private static readonly IReadOnlyDictionary<string, string> TimeRuleAttributes = new Dictionary<string, string>();

    /// <summary>The record of the run first, then each change: a redelivered event finds the record and runs nothing again.</summary>
    private async Task AppendRuleOutcomeAsync(TriggerOutcome outcome, long position, string kind)
    {
        if (outcome.Fired.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        await AppendAsync(new TriggersFired(position, kind, [.. outcome.Fired], outcome.Passes, outcome.LoopGuardHit, [.. outcome.Webhooks], now));
        foreach (var e in outcome.Events)
        {
            // A rule's new priority moves the clocks as an agent's does; the engine is pure, so the plan is looked up here.
            await AppendAsync(e is PriorityChanged { Sla: null } changed ? changed with { Sla = await PlanForAsync(changed.To) } : e);
        }
    }

    public async Task CheckSlaAsync()
    {
        await EnsureLoadedAsync();
        var decided = false;
        // One warning or breach per append, so clocks due together each fire once and a conflict loses at most one.
        while (SlaDecisions.Next(State, time.GetUtcNow()) is { } due)
        {
            // A raised priority moves the other clocks as an agent's change does; the decision is pure, so the plan is looked up here.
            await AppendAsync(due is SlaBreached { RaisedPriority: { } raised, Sla: null } breach ? breach with { Sla = await PlanForAsync(raised) } : due);
            decided = true;
        }

        if (decided)
        {
            // Most breaches are found by the sweep in tickets nobody is working on; keeping them all in memory
            // would make a wave of overdue tickets a memory problem.
            ReleaseIfNothingToWatch();
        }
        else
        {
            // Also when this is the timer's own call: a timer that fired a moment early must not leave the clock unwatched.
            ArmSlaTimer();
        }
    }

    /// <summary>Appends what <paramref name="decide"/> decides (nothing when it decides null), reloading once on a conflict.</summary>
    private async Task<TicketView> DecideAsync(int? expectedVersion, Func<TicketState, IDomainEvent?> decide)
    {
        await RequireTicketAsync();
        for (var attempt = 0; ; attempt++)
        {
            if (expectedVersion is { } expected && expected != State.Version)
            {
                throw new ConflictException($"The ticket is at version {State.Version}, not {expected}.");
            }

            try
            {
                if (decide(State) is { } e)
                {
                    await AppendAsync(e);
                }

                return State.ToView(Tenant);
            }
            catch (ConflictException) when (attempt == 0)
            {
                await LoadAsync();
            }
        }
    }

    private async Task AppendAsync(IDomainEvent e)
    {
        if (e is TicketCreated or TicketClaimed || State.Sla.Clocks.Count > 0 || State.ClaimAcceptBy is not null)
        {
            // The ticket's timers die with this activation; the tenant's reminder is what outlives them. It must exist
            // before the event does: registered afterwards, a failure would leave a durable deadline nothing watches.
            await slaWatch.EnsureStartedAsync(Tenant);
        }

        var queueBefore = State.Queue;
        // A ticket is filed under each order number it comes to carry, by the statement that stores the event that set it:
        // the one it was created with, and one set later (filled from the customer's text, a screenshot or a voice note,
        // accepted by an agent, set by a rule), so that order events and the customer's context find it too.
        var orderBefore = State.Fields.GetValueOrDefault(OrderEventTypes.OrderNoField);
        PullTrace.Mark("ticket-append");
        await _stream.AppendAsync(e, (s, stored) => TicketReadModelRow.From(s, RowSubject(s, stored)),
            s => s.Fields.GetValueOrDefault(OrderEventTypes.OrderNoField) is { } orderNo && orderNo != orderBefore ? orderNo : null);
        PullTrace.Mark("ticket-appended");
        if (State.Queue != queueBefore && _wasWaiting)
        {
            // Re-routed while waiting: it leaves the old queue and joins the new one.
            GrainFactory.Reference<IAgentQueueGrain>(GrainKeys.For(Tenant, queueBefore)).RemoveAsync(_id, State.Version).Ignore();
            _wasWaiting = false;
        }

        SyncSideEffects(force: e is TicketCreated);
        await SnapshotIfDueAsync();
    }

    /// <summary>
    /// The subject of the read-model row: as sealed in the stored TicketCreated, which is what a rebuild from the log
    /// writes. Later events leave the row's subject alone; theirs is sealed here only for a row that has gone missing.
    /// </summary>
    private string RowSubject(TicketState state, IDomainEvent stored) =>
        stored is TicketCreated created ? _sealedSubject = created.Subject : _sealedSubject ??= _cipher.Loaded.Seal(state.Subject);
}
