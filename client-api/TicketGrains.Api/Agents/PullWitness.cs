using System.Collections.Concurrent;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Api.Audit;
using TicketGrains.Api.Infrastructure;

namespace TicketGrains.Api.Agents;

/// <summary>
/// This process's one <see cref="IPullWitness"/>: the agent grains of its pulls tell it which ticket they are about to
/// claim, and it hands the note to that pull (<see cref="WitnessedPull"/>), which starts the audit entry at once.
/// </summary>
public sealed class PullWitness(IClusterClient cluster, IAuditTrail trail, TimeProvider time, ILogger<WitnessedPull> logger) : IPullWitness
{
    private readonly ConcurrentDictionary<Guid, WitnessedPull> _pulls = new();

    // Created once and held here: the runtime keeps only a weak reference to an observer.
    private IPullWitness? _reference;

    public Task ClaimingAsync(Guid pullId, Guid ticketId)
    {
        if (_pulls.TryGetValue(pullId, out var pull))
        {
            pull.Claiming(ticketId);
        }

        return Task.CompletedTask;
    }

    /// <summary>A pull by the caller of <paramref name="context"/>, listening until it is disposed.</summary>
    public WitnessedPull Begin(HttpContext context, string agentId)
    {
        var template = new AuditEvent(Tenant.Of(context), time.GetUtcNow(), Actor.Of(context), AuditActions.Pull, "",
            context.Connection.RemoteIpAddress?.ToString() ?? "", AuditDetails.Noting($"assignee={agentId}", AuditRequests.ShowsUnmasked(context)));
        _reference ??= cluster.CreateObjectReference<IPullWitness>(this);
        var agent = cluster.Reference<IAgentGrain>(GrainKeys.For(Tenant.Of(context), agentId));
        var pull = new WitnessedPull(
            trail, template, _reference, (witnessing, named) => agent.GiveBackUnansweredAsync(witnessing.PullId, named),
            forget: id => _pulls.TryRemove(id, out _), time, logger);
        _pulls[pull.Witnessing.PullId] = pull;
        return pull;
    }
}
