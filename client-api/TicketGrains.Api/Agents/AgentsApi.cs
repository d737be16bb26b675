using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Api.Audit;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Privacy;
using TicketGrains.Api.Security;
using TicketGrains.Api.Tickets;
using TicketGrains.Grains.Agents;

namespace TicketGrains.Api.Agents;

/// <summary>/api/v1/agents: the agent's definition and presence, pulling the next ticket, and answering pushed offers.</summary>
public static class AgentsApi
{
    /// <summary>Longest long-poll an agent may ask for.</summary>
    public const int MaxWaitSeconds = 20;

    public static RouteGroupBuilder MapAgentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/agents").WithTags("Agents");
        group.MapGet("/", ListAsync).WithName("ListAgents")
            .WithSummary("The tenant's agents (each defined, or that set its presence or queues), with presence, capacity and load.")
            .RequirePermission(Permissions.TicketsRead);
        group.MapPost("/{agentId}/next", NextAsync).WithName("PullNextTicket")
            .WithSummary("Hand the agent its next ticket (200; accept it before acceptBy), or 204 when none arrived within waitSeconds (0-20).")
            .ProducesValidationProblem().RequirePermission(Permissions.TicketsRead, Permissions.TicketsAssign).MasksPersonalData()
            .AuditedByHandler(AuditActions.Pull);
        group.MapPost("/{agentId}/tickets/{ticketId:guid}/accept", AcceptAsync).WithName("AcceptPulledTicket")
            .WithSummary("The agent acknowledges a ticket its pull handed it, so it stays theirs (409 once it went back to its queue).")
            .ProducesProblem(StatusCodes.Status409Conflict).RequirePermission(Permissions.TicketsRead, Permissions.TicketsAssign).MasksPersonalData()
            .Audited(AuditActions.Accept, AuditEndpoints.RouteTarget("ticket", "ticketId"));
        group.MapGet("/{agentId}", GetAsync).WithName("GetAgent")
            .WithSummary("The agent: queues it pulls from, skills, capacity per channel kind, presence and load.")
            .RequirePermission(Permissions.TicketsRead);
        group.MapPut("/{agentId}", PutAsync).WithName("PutAgent")
            .WithSummary("Set the agent's skills with levels, capacity per channel kind (email, chat, voice) and the queues it serves.")
            .Accepts<PutAgentRequest>("application/json").ProducesValidationProblem()
            .RequirePermission(Permissions.TicketsRead, Permissions.TicketsAssign).WithSmallBody();
        group.MapPut("/{agentId}/presence", PresenceAsync).WithName("SetAgentPresence")
            .WithSummary("Set presence online, away or offline; going offline puts the tickets the agent has not started back in their queues.")
            .Accepts<PresenceRequest>("application/json").ProducesValidationProblem()
            .RequirePermission(Permissions.TicketsRead, Permissions.TicketsAssign).WithSmallBody();
        group.MapPost("/{agentId}/offers/{ticketId:guid}/accept", AcceptOfferAsync).WithName("AcceptOffer")
            .WithSummary("The agent keeps a ticket a push queue offered it (409 once the offer lapsed or went to someone else).")
            .ProducesProblem(StatusCodes.Status409Conflict).RequirePermission(Permissions.TicketsRead, Permissions.TicketsAssign).MasksPersonalData()
            .Audited(AuditActions.Accept, AuditEndpoints.RouteTarget("ticket", "ticketId"));
        group.MapPost("/{agentId}/offers/{ticketId:guid}/decline", DeclineOfferAsync).WithName("DeclineOffer")
            .WithSummary("The agent turns an offer down: the ticket goes back to the head of its queue and is never offered to this agent again.")
            .ProducesProblem(StatusCodes.Status409Conflict).RequirePermission(Permissions.TicketsRead, Permissions.TicketsAssign).MasksPersonalData();
        group.MapPut("/{agentId}/queues", SetQueuesAsync).WithName("SetAgentQueues").WithSummary("Set the queues the agent pulls from, in order.")
            .Accepts<SetQueuesRequest>("application/json").ProducesValidationProblem()
            .RequirePermission(Permissions.TicketsRead, Permissions.TicketsAssign).WithSmallBody();
        return group;
    }

    private static async Task<Results<Ok<TicketView>, NoContent>> NextAsync(
        string agentId, string? waitSeconds, HttpContext context, IClusterClient cluster, PullMetrics metrics, PullPhaseMetrics phases, PullWitness witness)
    {
        PullTrace.Begin(context.Response.Headers);
        var agent = Agent(cluster, context, agentId);
        var seconds = 0;
        if (waitSeconds is not null && (!int.TryParse(waitSeconds, out seconds) || seconds is < 0 or > MaxWaitSeconds))
        {
            throw new InvalidFieldException("waitSeconds", $"waitSeconds is a whole number from 0 to {MaxWaitSeconds}.");
        }

        // The wait is cut into short grain calls so none comes near the call timeout. A pull that
        // reached the agent may have claimed a ticket, so only undelivered calls are retried. The grain
        // sees the client leave (the token) and stops waiting; a claim it made anyway is returned at
        // once, and so is one whose answer was on its way when the client left or the call failed
        // (WitnessedPull gives back what the pull claimed). The pull's audit entry
        // is started as the grain names the ticket it claims, so it commits alongside the claim.
        var abort = context.RequestAborted;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        using var pull = witness.Begin(context, agentId);
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            var slice = remaining < CallTimeouts.LongPollSlice ? remaining : CallTimeouts.LongPollSlice;
            var started = Stopwatch.GetTimestamp();
            TicketView? ticket;
            try
            {
                ticket = await GrainRetry.Once(() => agent.NextWitnessedAsync(slice < TimeSpan.Zero ? TimeSpan.Zero : slice, pull.Witnessing, abort), abort);
            }
            catch (Exception failure)
            {
                await pull.SettleAfterFailureAsync(failure);
                throw;
            }

            if (ticket is not null && abort.IsCancellationRequested)
            {
                await cluster.Reference<ITicketGrain>(GrainKeys.For(Tenant.Of(context), ticket.Id)).ReturnClaimAsync(agentId);
                await pull.SettleAsync(null, "caller left; the ticket went back to its queue");
                return TypedResults.NoContent();
            }

            if (ticket is not null)
            {
                PullTrace.Mark("api-back");
                phases.Since(PullPhaseMetrics.Call, started);
                var auditWait = Stopwatch.GetTimestamp();
                await pull.SettleAsync(ticket.Id, "its claim failed; another ticket was handed");
                phases.Since(PullPhaseMetrics.Audit, auditWait);
                PullTrace.Mark("api-settled");
                metrics.Handed();
                return TypedResults.Ok(ticket);
            }

            if (DateTime.UtcNow >= deadline || abort.IsCancellationRequested)
            {
                await pull.SettleAsync(null, "its claim failed; nothing was handed");
                metrics.Empty();
                return TypedResults.NoContent();
            }
        }
    }

    private static async Task<Ok<TicketView>> AcceptAsync(string agentId, Guid ticketId, HttpContext context, IClusterClient cluster)
    {
        var agent = ValidAgentId(agentId);
        var ticket = cluster.Reference<ITicketGrain>(GrainKeys.For(Tenant.Of(context), ticketId));
        // Accepting again is answered like the first accept, so a retry after a lost answer is safe.
        return TypedResults.Ok(await GrainRetry.Idempotent(() => ticket.AcceptClaimAsync(agent), context.RequestAborted));
    }

    private static async Task<Ok<AgentProfile>> GetAsync(string agentId, HttpContext context, IClusterClient cluster) =>
        TypedResults.Ok(await GrainRetry.Idempotent(() => Agent(cluster, context, agentId).GetProfileAsync(), context.RequestAborted));

    private static async Task<Ok<List<AgentProfile>>> ListAsync(HttpContext context, IClusterClient cluster, AgentRoster roster)
    {
        var agents = await roster.ListAsync(Tenant.Of(context), context.RequestAborted);
        var profiles = await Task.WhenAll(agents.Select(id =>
            GrainRetry.Idempotent(() => cluster.Reference<IAgentGrain>(GrainKeys.For(Tenant.Of(context), id)).GetProfileAsync(), context.RequestAborted)));
        return TypedResults.Ok(profiles.ToList());
    }

    private static async Task<Ok<AgentProfile>> SetQueuesAsync(string agentId, HttpContext context, IClusterClient cluster, AgentRoster roster)
    {
        var agent = Agent(cluster, context, agentId);
        var request = await JsonBody.ReadAsync<SetQueuesRequest>(context.Request);
        if (request.Queues is null)
        {
            throw new InvalidFieldException("queues", "'queues' is required (an empty list means every queue).");
        }

        var profile = await GrainRetry.Idempotent(() => agent.SetQueuesAsync(request.Queues), context.RequestAborted);
        await roster.RecordAsync(Tenant.Of(context), agentId, context.RequestAborted);
        return TypedResults.Ok(profile);
    }

    private static async Task<Ok<AgentProfile>> PutAsync(string agentId, HttpContext context, IClusterClient cluster, AgentRoster roster)
    {
        var agent = Agent(cluster, context, agentId);
        var request = await JsonBody.ReadAsync<PutAgentRequest>(context.Request);
        var definition = new AgentDefinition(request.Skills ?? [], request.Capacity ?? [], request.Queues ?? []);
        var profile = await GrainRetry.Idempotent(() => agent.DefineAsync(definition), context.RequestAborted);
        await roster.RecordAsync(Tenant.Of(context), agentId, context.RequestAborted);
        return TypedResults.Ok(profile);
    }

    private static async Task<Ok<AgentProfile>> PresenceAsync(string agentId, HttpContext context, IClusterClient cluster, AgentRoster roster)
    {
        var agent = Agent(cluster, context, agentId);
        var request = await JsonBody.ReadAsync<PresenceRequest>(context.Request);
        if (request.Presence is null || !AgentPresence.All.Contains(request.Presence))
        {
            throw new InvalidFieldException("presence", "Presence is 'online', 'away' or 'offline'.");
        }

        var profile = await GrainRetry.Idempotent(() => agent.SetPresenceAsync(request.Presence), context.RequestAborted);
        await roster.RecordAsync(Tenant.Of(context), agentId, context.RequestAborted);
        return TypedResults.Ok(profile);
    }

    private static async Task<Ok<TicketView>> AcceptOfferAsync(string agentId, Guid ticketId, HttpContext context, IClusterClient cluster) =>
        TypedResults.Ok(await GrainRetry.Idempotent(() => Agent(cluster, context, agentId).AcceptOfferAsync(ticketId), context.RequestAborted));

    private static async Task<Ok<TicketView>> DeclineOfferAsync(string agentId, Guid ticketId, HttpContext context, IClusterClient cluster) =>
        TypedResults.Ok(await GrainRetry.Once(() => Agent(cluster, context, agentId).DeclineOfferAsync(ticketId), context.RequestAborted));

    private static IAgentGrain Agent(IClusterClient cluster, HttpContext context, string agentId) =>
        cluster.Reference<IAgentGrain>(GrainKeys.For(Tenant.Of(context), ValidAgentId(agentId)));

    private static string ValidAgentId(string agentId) => AgentIds.IsValid(agentId)
        ? agentId
        : throw new InvalidFieldException("agentId", "An agent id is 1-64 letters, digits, '.', '_', '-' or '@'.");
}
