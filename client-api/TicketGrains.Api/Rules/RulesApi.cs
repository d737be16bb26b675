using Microsoft.AspNetCore.Http.HttpResults;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Api.Audit;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Security;
using TicketGrains.Api.Webhooks;
using TicketGrains.Grains.Rules;
using TicketGrains.Grains.Webhooks;

namespace TicketGrains.Api.Rules;

/// <summary>/api/v1/rules: the tenant's routing rules, triggers and time rules as versioned JSON documents.</summary>
public static class RulesApi
{
    public static RouteGroupBuilder MapRulesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/rules").WithTags("Rules").RequirePermission(Permissions.RulesManage);
        group.MapGet("/", ListAsync).WithName("ListRules").WithSummary("Every current rule of the tenant, built-in ones included, in evaluation order.");
        group.MapGet("/{id}", GetAsync).WithName("GetRule").WithSummary("The current version of one rule.");
        group.MapGet("/{id}/versions", HistoryAsync).WithName("GetRuleVersions").WithSummary("Every version of one rule, oldest first.");
        group.MapPut("/{id}", PutAsync).WithName("PutRule")
            .WithSummary("Create or replace a routing, event or time rule; a 400 names each bad clause by JSON pointer.")
            .Accepts<RuleDocument>("application/json").ProducesValidationProblem()
            .Audited(AuditActions.RuleChange, AuditEndpoints.RouteTarget("rule", "id")).WithSmallBody();
        return group;
    }

    private static async Task<Ok<List<RuleView>>> ListAsync(HttpContext context, IClusterClient cluster) =>
        TypedResults.Ok((await Rules(cluster, context).ListRulesAsync()).Select(RuleView.From).ToList());

    private static async Task<Ok<RuleView>> GetAsync(string id, HttpContext context, IClusterClient cluster)
    {
        var rule = (await Rules(cluster, context).ListRulesAsync()).FirstOrDefault(r => r.Id == id);
        return rule is null ? throw new NotFoundException($"No rule '{id}'.") : TypedResults.Ok(RuleView.From(rule));
    }

    private static async Task<Ok<List<RuleView>>> HistoryAsync(string id, HttpContext context, IClusterClient cluster)
    {
        var versions = await Rules(cluster, context).RuleHistoryAsync(id);
        return versions.Count == 0 ? throw new NotFoundException($"No rule '{id}'.") : TypedResults.Ok(versions.Select(RuleView.From).ToList());
    }

    private static async Task<Ok<RuleView>> PutAsync(string id, HttpContext context, IClusterClient cluster, WebhookStore webhooks)
    {
        if (!RuleClauses.IsName(id))
        {
            throw new InvalidFieldException("id", "A rule id is 1-64 letters, digits, '-' or '_'.");
        }

        var document = await DocumentBody.ReadAsync(context.Request);
        var problems = DocumentBody.CheckText(document);
        var rule = RuleValidator.Parse(document, problems);
        var calls = (rule?.Actions ?? []).Select((a, i) => (Pointer: $"/actions/{i}/url", a.Type, a.Url)).Where(a => a is { Type: "webhook", Url: not null })
            .Select(a => (a.Pointer, a.Url!)).ToList();
        problems.AddRange((await ActionWebhookCheck.UnregisteredAsync(webhooks, Tenant.Of(context), calls, context.RequestAborted))
            .Select(p => new RuleProblem(p.Pointer, p.Message)));
        DocumentBody.ThrowIfAny(problems);
        return TypedResults.Ok(RuleView.From(await Rules(cluster, context).PutRuleAsync(id, document, Actor.Of(context))));
    }

    private static ITenantRulesGrain Rules(IClusterClient cluster, HttpContext context) => cluster.Reference<ITenantRulesGrain>(Tenant.Of(context));
}
