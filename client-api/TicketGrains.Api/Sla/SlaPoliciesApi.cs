using Microsoft.AspNetCore.Http.HttpResults;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Api.Audit;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Security;
using TicketGrains.Api.Tickets;
using TicketGrains.Api.Webhooks;
using TicketGrains.Grains.Sla;
using TicketGrains.Grains.Webhooks;

namespace TicketGrains.Api.Sla;

/// <summary>/api/v1/sla-policies: the tenant's SLA policies, tried in order when a ticket is created (rules:manage).</summary>
public static class SlaPoliciesApi
{
    public static RouteGroupBuilder MapSlaPoliciesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sla-policies").WithTags("SLA").RequirePermission(Permissions.RulesManage);
        group.MapGet("/", ListAsync).WithName("ListSlaPolicies").WithSummary("The tenant's SLA policies in the order they are tried.");
        group.MapGet("/{name}", GetAsync).WithName("GetSlaPolicy").WithSummary("One SLA policy with its version.");
        group.MapPut("/{name}", PutAsync).WithName("PutSlaPolicy")
            .WithSummary("Create or replace an SLA policy (a new version); applies to tickets created after it. A 400 names each bad clause by JSON pointer.")
            .Accepts<SlaPolicyDocument>("application/json").ProducesValidationProblem()
            .Audited(AuditActions.SlaChange, AuditEndpoints.RouteTarget("sla-policy", "name")).WithSmallBody();
        return group;
    }

    private static async Task<Ok<IReadOnlyList<SlaDocumentEntry<SlaPolicyDocument>>>> ListAsync(HttpContext context, IClusterClient cluster) =>
        TypedResults.Ok(await GrainRetry.Idempotent(() => Policies(cluster, context).ListPoliciesAsync(), context.RequestAborted));

    private static async Task<Ok<SlaDocumentEntry<SlaPolicyDocument>>> GetAsync(string name, HttpContext context, IClusterClient cluster) =>
        TypedResults.Ok(await GrainRetry.Idempotent(() => Policies(cluster, context).GetPolicyAsync(name), context.RequestAborted)
            ?? throw new NotFoundException($"No SLA policy '{name}'."));

    private static async Task<Ok<SlaDocumentEntry<SlaPolicyDocument>>> PutAsync(string name, HttpContext context, IClusterClient cluster, WebhookStore webhooks)
    {
        var policy = await SlaDocumentBody.ReadAsync<SlaPolicyDocument>(context.Request, name, SlaDocumentRules.Check);
        if (policy.Escalation?.Webhook is { } url)
        {
            var errors = new FieldErrors();
            foreach (var (pointer, message) in await ActionWebhookCheck.UnregisteredAsync(
                webhooks, Tenant.Of(context), [("/escalation/webhook", url)], context.RequestAborted))
            {
                errors.Add(pointer, message);
            }

            ValidationFailed.ThrowIfAny(errors);
        }

        return TypedResults.Ok(await GrainRetry.Once(() => Policies(cluster, context).PutPolicyAsync(name, policy, Actor.Of(context)), context.RequestAborted));
    }

    private static ISlaPolicyGrain Policies(IClusterClient cluster, HttpContext context) => cluster.Reference<ISlaPolicyGrain>(Tenant.Of(context));
}
