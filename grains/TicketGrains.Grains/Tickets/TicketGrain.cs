using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.Encryption;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.ReadModel;
using TicketGrains.Grains.Sla;

namespace TicketGrains.Grains.Tickets;

/// <summary>One ticket: an event-sourced state machine whose every change is durable before it is acknowledged.</summary>
public sealed class TicketGrain(
    IEventLog log,
    IOptions<SlaOptions> sla,
    IOptions<EventLogOptions> logOptions,
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
    private IGrainTimer? _slaTimer;

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
        // Every ticket event is sealed with the key of the ticket's customer, so erasing the customer erases the thread.
        var codec = new PersonalEventCodec<TicketState>(_cipher, (e, s) => e is TicketCreated c ? c.CustomerId : s.CustomerId);
        _stream = new EventSourcedStream<TicketState>(log, tenant, StreamIds.Ticket(_id), () => new TicketState(), (s, e) => s.Apply(e), codec);
        return Task.CompletedTask;
    }

    private string Tenant => _stream.TenantId;

    private TicketState State => _stream.State;

    public async Task<TicketView> CreateAsync(CreateTicket command)
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
                await AppendAsync(TicketDecisions.Create(_id, command, sla.Value, time.GetUtcNow()));
                metrics.Created(command.Channel, command.Priority);
                ReleaseIfNothingToWatch();
                return State.ToView(Tenant);
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
        return State.ToView(Tenant);
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

    public Task<TicketView> AddMessageAsync(string author, string body, bool isInternal, int? expectedVersion) =>
        DecideAsync(expectedVersion, s => TicketDecisions.AddMessage(s, author, body, isInternal, time.GetUtcNow()));

    public Task<TicketView> ChangeStatusAsync(string status, string actor, int? expectedVersion) =>
        DecideAsync(expectedVersion, s => TicketDecisions.ChangeStatus(s, status, actor, time.GetUtcNow()));

    public Task<TicketView> AssignAsync(string? agentId, string actor, int? expectedVersion) =>
        DecideAsync(expectedVersion, s => TicketDecisions.Assign(s, agentId, actor, time.GetUtcNow()));

    public async Task<TicketView?> ClaimAsync(string agentId)
    {
        await EnsureLoadedAsync();
        if (!State.WaitsInQueue)
        {
            return null;
        }

        try
        {
            await AppendAsync(TicketDecisions.Assign(State, agentId, agentId, time.GetUtcNow()));
            return State.ToView(Tenant);
        }
        catch (ConflictException)
        {
            // Another activation changed the ticket first; it is no longer this agent's to take.
            return null;
        }
    }

    public async Task CheckSlaAsync()
    {
        await EnsureLoadedAsync();
        if (TicketDecisions.CheckSla(State, time.GetUtcNow()) is { } breach)
        {
            await AppendAsync(breach);
            // Most breaches are found by the sweep in tickets nobody is working on; keeping them all in memory
            // would make a wave of overdue tickets a memory problem.
            ReleaseIfNothingToWatch();
        }
        else if (_slaTimer is null)
        {
            ArmSlaTimer();
        }
    }

    private async Task<TicketView> DecideAsync(int? expectedVersion, Func<TicketState, IDomainEvent> decide)
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
                await AppendAsync(decide(State));
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
        await _stream.AppendAsync(e, s => new TicketRow(
            s.Id, s.Status, s.Category, s.Priority, s.Queue, s.CustomerId, s.Assignee, s.Channel, _sealedSubject ??= _cipher.Loaded.Seal(s.Subject),
            s.CreatedAt, s.UpdatedAt, s.PendingSlaDue));
        SyncSideEffects(force: e is TicketCreated);
        if (State.PendingSlaDue is not null)
        {
            // The timer above dies with this activation; the tenant's reminder is what outlives it.
            await slaWatch.EnsureStartedAsync(Tenant);
        }

        await SnapshotIfDueAsync();
    }

    /// <summary>
    /// A new ticket is usually not touched again for minutes, until an agent claims it. Keeping every
    /// fresh ticket in memory made a promotion-day flood a garbage-collector problem (each one survives
    /// into the old generation), so unless its own SLA timer is running the activation goes now; the
    /// next call restores it from its snapshot and events.
    /// </summary>
    private void ReleaseIfNothingToWatch()
    {
        if (_slaTimer is null)
        {
            this.DeactivateOnIdle();
        }
    }

    /// <summary>Keeps queue, customer and SLA timer in step with the state. All of them can be rebuilt from the read model.</summary>
    private void SyncSideEffects(bool force)
    {
        var waits = State.WaitsInQueue;
        var queue = GrainFactory.Reference<IAgentQueueGrain>(GrainKeys.For(Tenant, State.Queue));
        if (waits && (force || !_wasWaiting))
        {
            queue.EnqueueAsync(new QueuedTicket(_id, TicketCatalog.PriorityRank(State.Priority), State.CreatedAt)).Ignore();
        }
        else if (!waits && _wasWaiting)
        {
            queue.RemoveAsync(_id).Ignore();
        }

        _wasWaiting = waits;
        var active = TicketStatus.IsActive(State.Status);
        if (force || active != _wasActive)
        {
            // Only a change of open/closed concerns the customer; a message or a breach costs it no call.
            GrainFactory.Reference<ICustomerGrain>(GrainKeys.For(Tenant, State.CustomerId)).TrackTicketAsync(_id, active).Ignore();
        }

        _wasActive = active;
        ArmSlaTimer();
    }

    private void ArmSlaTimer()
    {
        _slaTimer?.Dispose();
        _slaTimer = null;
        if (State.PendingSlaDue is not { } due)
        {
            return;
        }

        var dueIn = due - time.GetUtcNow();
        if (dueIn > sla.Value.SweepPeriod * 2)
        {
            // Far deadlines cost no timer: the tenant's sweep looks one period ahead and wakes the
            // ticket in time to arm one, so idle tickets can be deactivated meanwhile.
            return;
        }

        _slaTimer = this.RegisterGrainTimer(_ => CheckSlaAsync(), dueIn < TimeSpan.Zero ? TimeSpan.Zero : dueIn, Timeout.InfiniteTimeSpan);
    }

    private async Task SnapshotIfDueAsync()
    {
        if (State.Version - _snapshotVersion < logOptions.Value.SnapshotEvery)
        {
            return;
        }

        try
        {
            var sealedState = TicketStateProtection.SealToJson(State, await _cipher.ForWritingAsync(State.CustomerId));
            await log.SaveSnapshotAsync(Tenant, _stream.StreamId, State.Version, sealedState);
            _snapshotVersion = State.Version;
        }
        catch (TicketGrainsException e)
        {
            // A missing snapshot only costs replay time; the events are already durable.
            logger.LogWarning(e, "Snapshot of ticket {Ticket} failed", _id);
        }
    }

    private async Task LoadAsync()
    {
        _sealedSubject = null;
        await _stream.LoadAsync(OpenSnapshotAsync);
        _snapshotVersion = _stream.SnapshotVersion;
        _wasWaiting = State.WaitsInQueue;
        _wasActive = TicketStatus.IsActive(State.Status);
        ArmSlaTimer();
    }

    private async ValueTask<TicketState?> OpenSnapshotAsync(string json)
    {
        if (JsonSerializer.Deserialize<TicketState>(json, EventSerializer.Options) is not { } state)
        {
            return null;
        }

        // Opening is idempotent on values already open, so a retry after fetching a newer key version is harmless.
        return await _cipher.OpenAsync(state.CustomerId, c =>
        {
            TicketStateProtection.Map(state, c.Open);
            return state;
        });
    }

    /// <summary>The stored event as callers always saw it: its personal fields open (the log itself holds them sealed).</summary>
    private async ValueTask<string> OpenJsonAsync(StoredEvent stored)
    {
        if (!stored.Json.Contains(PersonalData.SealedPrefix, StringComparison.Ordinal))
        {
            return stored.Json;
        }

        var opened = await _cipher.OpenAsync(EventSerializer.Deserialize(stored.EventType, stored.Json), State.CustomerId);
        return EventSerializer.Serialize(opened);
    }

    private async Task EnsureLoadedAsync()
    {
        if (!_stream.Loaded)
        {
            await LoadAsync();
        }
    }

    private async Task RequireTicketAsync()
    {
        await EnsureLoadedAsync();
        if (!State.Exists)
        {
            throw new NotFoundException($"Ticket {_id} does not exist.");
        }
    }
}
