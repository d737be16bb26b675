using Microsoft.AspNetCore.Http.HttpResults;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Security;

namespace TicketGrains.Api.Agents;

/// <summary>/api/v1/queues: how a queue orders, matches and hands out its tickets.</summary>
public static class QueuesApi
{
    public static RouteGroupBuilder MapQueuesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/queues").WithTags("Queues");
        group.MapGet("/", ListAsync).WithName("ListQueues")
            .WithSummary("Every queue holding unfinished tickets: tickets waiting for an agent and since when the oldest of them exists.")
            .RequirePermission(Permissions.TicketsRead);
        group.MapPut("/{name}", PutAsync).WithName("PutQueue")
            .WithSummary("Define a queue: required skills, order (priority, tier, slaDue, wait), overflow, strategy pull or push, offer timeout, skill widening.")
            .Accepts<PutQueueRequest>("application/json").ProducesValidationProblem()
            .RequirePermission(Permissions.RulesManage).WithSmallBody();
        group.MapGet("/{name}", GetAsync).WithName("GetQueue").WithSummary("A queue's definition (the defaults when never defined).")
            .RequirePermission(Permissions.TicketsRead);
        group.MapGet("/{name}/status", StatusAsync).WithName("GetQueueStatus")
            .WithSummary("The queue right now: tickets waiting, tickets handed out and not yet accepted, agents long-polling it.")
            .RequirePermission(Permissions.TicketsRead);
        return group;
    }

    private static async Task<Ok<QueueDefinition>> PutAsync(string name, HttpContext context, IClusterClient cluster)
    {
        var queue = Queue(cluster, context, name);
        var request = await JsonBody.ReadAsync<PutQueueRequest>(context.Request);
        var defaults = QueueDefinition.Default;
        var definition = new QueueDefinition
        {
            RequiredSkills = request.RequiredSkills ?? [],
            Order = request.Order ?? [.. defaults.Order],
            OverflowQueue = request.OverflowQueue,
            OverflowAfterSeconds = request.OverflowAfterSeconds,
            Strategy = request.Strategy ?? defaults.Strategy,
            PushStrategy = request.PushStrategy ?? defaults.PushStrategy,
            OfferTimeoutSeconds = request.OfferTimeoutSeconds ?? defaults.OfferTimeoutSeconds,
            WidenAfterSeconds = request.WidenAfterSeconds,
        };
        return TypedResults.Ok(await GrainRetry.Idempotent(() => queue.DefineAsync(definition), context.RequestAborted));
    }

    private static async Task<Ok<List<QueueBacklog.Item>>> ListAsync(HttpContext context, QueueBacklog backlog) =>
        TypedResults.Ok(await backlog.ListAsync(Tenant.Of(context), context.RequestAborted));

    private static async Task<Ok<QueueDefinition>> GetAsync(string name, HttpContext context, IClusterClient cluster) =>
        TypedResults.Ok(await GrainRetry.Idempotent(() => Queue(cluster, context, name).GetDefinitionAsync(), context.RequestAborted));

    private static async Task<Ok<QueueStatus>> StatusAsync(string name, HttpContext context, IClusterClient cluster) =>
        TypedResults.Ok(await GrainRetry.Idempotent(() => Queue(cluster, context, name).StatusAsync(), context.RequestAborted));

    private static IAgentQueueGrain Queue(IClusterClient cluster, HttpContext context, string name) => AgentIds.IsValid(name)
        ? cluster.Reference<IAgentQueueGrain>(GrainKeys.For(Tenant.Of(context), name))
        : throw new InvalidFieldException("name", "A queue name is 1-64 letters, digits, '.', '_', '-' or '@'.");
}
