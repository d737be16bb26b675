using System.Diagnostics;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using Microsoft.Extensions.Options;
using TicketGrains.Grains.ReadModel;
using TicketGrains.Grains.Routing;

namespace TicketGrains.Grains.Agents;

/// <summary>
/// One agent. Pulling takes the first ticket the agent fits (skills, room for its channel kind) from the first queue
/// that has one and claims it; a push queue's offer is claimed the same way. The ticket's own optimistic append
/// decides, so a ticket never goes to two agents; a claim holds only once the agent acknowledges it (see
/// <see cref="TicketGrains.Grains.Tickets.ClaimDecisions"/>). Pulls and offers run one at a time in this grain, so the
/// room checked is the room taken: capacity is never exceeded by concurrent hand-outs.
/// </summary>
public sealed class AgentGrain(
    [PersistentState("agent", "Default")] IPersistentState<AgentSettings> settings,
    ITicketReadModel readModel,
    IOptions<AgentOptions> options,
    PullPhaseMetrics phases,
    TimeProvider time) : Grain, IAgentGrain
{
    public const int MaxQueues = AgentDefinitionRules.MaxQueues;

    private readonly AgentLoad _load = new();
    private readonly PullHandOuts _handOuts = new();
    private readonly Guid _reporter = Guid.NewGuid();
    private long _reports;
    private PresenceClock _presence = null!;
    private DateTimeOffset? _lastAssignedAt;

    private string Tenant => GrainKeys.Split(this.GetPrimaryKeyString()).TenantId;

    private string AgentId => GrainKeys.Split(this.GetPrimaryKeyString()).LocalId;

    private IReadOnlyList<string> Queues => settings.State.Queues.Count > 0 ? settings.State.Queues : BuiltInRouting.AllQueues;

    private Dictionary<string, int> Capacity => settings.State.Capacity;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var since = settings.RecordExists ? settings.State.PresenceChangedAt : time.GetUtcNow();
        _presence = new PresenceClock(settings.State.Presence, since, options.Value.IdleTimeout);
        await ReloadLoadAsync();
    }

    public Task<AgentProfile> SetQueuesAsync(IReadOnlyList<string> queues) =>
        DefineAsync(new AgentDefinition(settings.State.Skills, settings.State.Capacity, queues));

    public async Task<AgentProfile> DefineAsync(AgentDefinition definition)
    {
        AgentDefinitionRules.Check(definition);
        var before = Queues;
        settings.State.Skills = definition.Skills.ToDictionary(StringComparer.Ordinal);
        settings.State.Capacity = definition.Capacity.ToDictionary(StringComparer.Ordinal);
        settings.State.Queues = definition.Queues.Distinct(StringComparer.Ordinal).ToList();
        settings.State.PresenceChangedAt = _presence.LastActivity;
        await settings.WriteStateAsync();
        foreach (var left in before.Except(Queues))
        {
            await Queue(left).SetMemberAsync(AgentId, serves: false);
        }

        foreach (var name in Queues)
        {
            await Queue(name).SetMemberAsync(AgentId, serves: true);
        }

        Report();
        return Profile();
    }

    public async Task<AgentProfile> SetPresenceAsync(string presence)
    {
        if (!AgentPresence.All.Contains(presence))
        {
            throw new InvalidFieldException("presence", "Presence is 'online', 'away' or 'offline'.");
        }

        _presence.Change(presence, time.GetUtcNow());
        (settings.State.Presence, settings.State.PresenceChangedAt) = (presence, _presence.LastActivity);
        await settings.WriteStateAsync();
        if (presence == AgentPresence.Offline)
        {
            foreach (var ticket in _load.Held.ToList())
            {
                await Ticket(ticket).RequeueUnstartedAsync(AgentId);
            }

            await ReloadLoadAsync();
        }

        Report();
        return Profile();
    }

    public Task<AgentProfile> GetProfileAsync() => Task.FromResult(Profile());

    public Task<TicketView?> NextAsync(TimeSpan wait, CancellationToken cancellationToken = default) =>
        PullAsync(wait, witnessing: null, cancellationToken);

    public Task<TicketView?> NextWitnessedAsync(TimeSpan wait, PullWitnessing witnessing, CancellationToken cancellationToken = default) =>
        PullAsync(wait, witnessing, cancellationToken);

    private async Task<TicketView?> PullAsync(TimeSpan wait, PullWitnessing? witnessing, CancellationToken cancellationToken)
    {
        PullTrace.Mark("agent-in");
        RequireOnline();
        var started = Stopwatch.GetTimestamp();
        _presence.Touch(time.GetUtcNow());
        if (await RoomAsync() is { Count: 0 })
        {
            return null;
        }

        var queues = Queues.Select(Queue).ToList();
        var claimed = await new QueuePull(queues, Taker(), queued => ClaimAsync(queued, witnessing), time).RunAsync(wait, cancellationToken);
        if (claimed is not null && cancellationToken.IsCancellationRequested)
        {
            // The caller left while the claim was being made: put the ticket back now rather than at the claim's deadline.
            await Ticket(claimed.Id).ReturnClaimAsync(AgentId);
            return null;
        }

        if (claimed is not null)
        {
            phases.Since(PullPhaseMetrics.Agent, started);
        }

        return claimed;
    }

    private async Task<TicketView?> ClaimAsync(QueuedTicket queued, PullWitnessing? witnessing)
    {
        var started = Stopwatch.GetTimestamp();
        PullTrace.Mark("claim-call");
        // Told first, so the front end's audit entry commits while the claim does.
        witnessing?.Witness.ClaimingAsync(witnessing.PullId, queued.TicketId).Ignore();
        var claimed = await Ticket(queued.TicketId).ClaimAsync(AgentId);
        PullTrace.Mark("claim-back");
        if (claimed is not null)
        {
            phases.Since(PullPhaseMetrics.Claim, started);
            Handed(claimed.Id, claimed.Channel);
            if (witnessing is not null)
            {
                _handOuts.Handed(witnessing.PullId, claimed.Id);
            }
        }

        return claimed;
    }

    public async Task GiveBackUnansweredAsync(Guid pullId, IReadOnlyList<Guid> named)
    {
        var tickets = named.ToHashSet();
        if (_handOuts.Forget(pullId) is { } handed)
        {
            tickets.Add(handed);
        }

        // Each ticket on its own: one that cannot be reached must not keep the others taken until their deadline.
        var failures = new List<Exception>();
        foreach (var ticketId in tickets)
        {
            try
            {
                await Ticket(ticketId).ReturnClaimAsync(AgentId);
            }
            catch (Exception failure)
            {
                failures.Add(failure);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException("Some claims of an unanswered pull could not be given back; they go back at their accept deadline.", failures);
        }
    }

    public async Task<OfferOutcome> OfferAsync(QueuedTicket ticket, TimeSpan acceptWithin)
    {
        var room = await RoomAsync();
        if (_presence.At(time.GetUtcNow()) != AgentPresence.Online || room is not null && !room.Contains(ChannelKinds.Of(ticket.Channel)))
        {
            Report();
            return OfferOutcome.Unavailable;
        }

        if (await Ticket(ticket.TicketId).OfferAsync(AgentId, acceptWithin) is not { } offered)
        {
            return OfferOutcome.Refused;
        }

        Handed(offered.Id, offered.Channel);
        return OfferOutcome.Offered;
    }

    public Task<TicketView> AcceptOfferAsync(Guid ticketId)
    {
        _presence.Touch(time.GetUtcNow());
        return Ticket(ticketId).AcceptClaimAsync(AgentId);
    }

    public async Task<TicketView> DeclineOfferAsync(Guid ticketId)
    {
        _presence.Touch(time.GetUtcNow());
        var declined = await Ticket(ticketId).DeclineOfferAsync(AgentId);
        _load.Release(ticketId);
        Report();
        return declined;
    }

    public Task HoldAsync(Guid ticketId, string channelKind)
    {
        _load.Hold(ticketId, channelKind);
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(Guid ticketId)
    {
        if (_load.Held.Contains(ticketId))
        {
            _load.Release(ticketId);
            Report();
        }

        return Task.CompletedTask;
    }

    public Task ReportToAsync(string queue)
    {
        Queue(queue).ReportAgentAsync(Status()).Ignore();
        return Task.CompletedTask;
    }

    private void Handed(Guid ticketId, string channel)
    {
        _load.Hold(ticketId, ChannelKinds.Of(channel));
        _lastAssignedAt = time.GetUtcNow();
        Report();
    }

    /// <summary>
    /// The channel kinds the agent has room for (null: no limit). The load kept in memory can only overstate what the
    /// agent holds (a release that never arrived), so before it refuses, it is re-read from the read model.
    /// </summary>
    private async Task<IReadOnlySet<string>?> RoomAsync()
    {
        if (_load.Full(Capacity))
        {
            await ReloadLoadAsync();
        }

        return _load.RoomFor(Capacity);
    }

    private async Task ReloadLoadAsync() =>
        _load.Replace((await readModel.HeldByAgentAsync(Tenant, AgentId)).Select(h => (h.TicketId, ChannelKinds.Of(h.Channel))));

    /// <summary>A pull is activity, so an agent away only by the idle timeout may pull; one set away or offline may not.</summary>
    private void RequireOnline()
    {
        if (_presence.Set != AgentPresence.Online)
        {
            throw new ConflictException($"Agent '{AgentId}' is {_presence.Set}: set its presence to online to pull tickets.");
        }
    }

    /// <summary>Tells every queue the agent serves its status, so push queues choose among agents as they are now.</summary>
    private void Report()
    {
        if (!settings.RecordExists)
        {
            return;
        }

        var status = Status();
        foreach (var name in Queues)
        {
            Queue(name).ReportAgentAsync(status).Ignore();
        }
    }

    private AgentStatus Status() => new(
        AgentId, _presence.Set, _presence.AwayAt, settings.State.Skills, Capacity.Count > 0, _load.Room(Capacity), _lastAssignedAt)
    {
        Reporter = _reporter,
        Sequence = ++_reports,
    };

    private Taker Taker() => new(AgentId, settings.State.Skills, _load.RoomFor(Capacity));

    private AgentProfile Profile() => new(AgentId, Queues)
    {
        Skills = settings.State.Skills,
        Capacity = Capacity,
        Presence = _presence.At(time.GetUtcNow()),
        Load = _load.ByKind(),
    };

    private ITicketGrain Ticket(Guid id) => GrainFactory.Reference<ITicketGrain>(GrainKeys.For(Tenant, id));

    private IAgentQueueGrain Queue(string name) => GrainFactory.Reference<IAgentQueueGrain>(GrainKeys.For(Tenant, name));
}
