using Microsoft.AspNetCore.Http.HttpResults;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Api.Audit;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Rules;
using TicketGrains.Api.Security;
using TicketGrains.Grains.Rules;
using TicketGrains.Grains.Templates;

namespace TicketGrains.Api.Templates;

/// <summary>/api/v1/templates: versioned scenario bundles (everyday, 618, double11, the tenant's own), exported, imported, applied.</summary>
public static class TemplatesApi
{
    public static RouteGroupBuilder MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/templates").WithTags("Templates").RequirePermission(Permissions.RulesManage);
        group.MapGet("/", ListAsync).WithName("ListTemplates").WithSummary("The tenant's templates, built-in ones included.");
        group.MapGet("/{name}", GetAsync).WithName("GetTemplate").WithSummary("One template as JSON (its export).");
        group.MapPut("/{name}", PutAsync).WithName("PutTemplate")
            .WithSummary("Create or replace a template (its import); a 400 names each bad clause by JSON pointer.")
            .Accepts<TemplateDocument>("application/json").ProducesValidationProblem()
            .Audited(AuditActions.TemplateChange, AuditEndpoints.RouteTarget("template", "name")).WithSmallBody();
        group.MapPost("/{name}/apply", ApplyAsync).WithName("ApplyTemplate")
            .WithSummary("Apply a template: its routing rules and triggers replace the previous template's, from the next decision on.")
            .Audited(AuditActions.TemplateApply, AuditEndpoints.RouteTarget("template", "name"));
        return group;
    }

    /// <summary>Every template; the one applied last says so (<c>active</c>, with who applied it and when).</summary>
    private static async Task<Ok<List<TemplateView>>> ListAsync(HttpContext context, IClusterClient cluster)
    {
        var rules = Rules(cluster, context);
        var applied = await rules.AppliedTemplateAsync();
        return TypedResults.Ok((await rules.ListTemplatesAsync()).Select(TemplateView.From)
            .Select(t => t.Name == applied?.Document ? t with { Active = true, AppliedBy = applied.UpdatedBy, AppliedAt = applied.UpdatedAt } : t).ToList());
    }

    private static async Task<Ok<TemplateView>> GetAsync(string name, HttpContext context, IClusterClient cluster)
    {
        var template = (await Rules(cluster, context).ListTemplatesAsync()).FirstOrDefault(t => t.Id == name);
        return template is null ? throw new NotFoundException($"No template '{name}'.") : TypedResults.Ok(TemplateView.From(template));
    }

    private static async Task<Ok<TemplateView>> PutAsync(string name, HttpContext context, IClusterClient cluster)
    {
        if (!RuleClauses.IsName(name))
        {
            throw new InvalidFieldException("name", "A template name is 1-64 letters, digits, '-' or '_'.");
        }

        var document = await DocumentBody.ReadAsync(context.Request);
        var problems = DocumentBody.CheckText(document);
        TemplateValidator.Parse(document, problems);
        DocumentBody.ThrowIfAny(problems);
        return TypedResults.Ok(TemplateView.From(await Rules(cluster, context).PutTemplateAsync(name, document, Actor.Of(context))));
    }

    private static async Task<Ok<AppliedTemplate>> ApplyAsync(string name, HttpContext context, IClusterClient cluster) =>
        TypedResults.Ok(new AppliedTemplate(name, await Rules(cluster, context).ApplyTemplateAsync(name, Actor.Of(context))));

    private static ITenantRulesGrain Rules(IClusterClient cluster, HttpContext context) => cluster.Reference<ITenantRulesGrain>(Tenant.Of(context));
}
