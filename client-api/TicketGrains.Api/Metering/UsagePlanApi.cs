using Microsoft.AspNetCore.Http.HttpResults;
using TicketGrains.Api.Audit;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Security;
using TicketGrains.Api.Tickets;
using TicketGrains.Grains.Metering;

namespace TicketGrains.Api.Metering;

/// <summary>/api/v1/usage/plan (admin): the tenant's plan with its quotas and bursts; /api/v1/usage/warnings: soft quotas reached.</summary>
public static class UsagePlanApi
{
    public const int MaxWarnings = 200;

    public static void MapUsagePlanApi(this RouteGroupBuilder usage)
    {
        usage.MapGet("/plan", ReadAsync).WithName("ReadUsagePlan").WithSummary("The tenant's plan (the default plan has no quotas).")
            .Produces<UsagePlan>().RequirePermission(Permissions.Admin);
        usage.MapPut("/plan", SaveAsync).WithName("SetUsagePlan")
            .WithSummary("Set the tenant's plan: quotas by measure.period with soft and hard limits, bursts raising them on promotion days.")
            .Accepts<UsagePlanRequest>("application/json").Produces<UsagePlan>().ProducesValidationProblem()
            .RequirePermission(Permissions.Admin).Audited(AuditActions.PlanChange, (_, _) => "usage-plan").WithSmallBody();
        usage.MapGet("/warnings", WarningsAsync).WithName("ListQuotaWarnings").WithSummary("Soft quotas reached, once per quota and period, newest first.")
            .Produces<QuotaWarning[]>().RequirePermission(Permissions.ReportsExport);
    }

    private static async Task<UsagePlan> ReadAsync(HttpContext context, UsagePlanStore plans) =>
        await plans.ReadAsync(Tenant.Of(context), context.RequestAborted);

    private static async Task<Ok<UsagePlan>> SaveAsync(HttpContext context, UsagePlanStore plans, TimeProvider time)
    {
        var request = await JsonBody.ReadAsync<UsagePlanRequest>(context.Request);
        var errors = new FieldErrors();
        var plan = UsagePlanValidator.Validate(request, errors);
        ValidationFailed.ThrowIfAny(errors);
        await plans.SaveAsync(Tenant.Of(context), plan, Actor.Of(context), time.GetUtcNow(), context.RequestAborted);
        return TypedResults.Ok(plan);
    }

    private static async Task<List<QuotaWarning>> WarningsAsync(HttpContext context, UsagePlanStore plans) =>
        await plans.WarningsAsync(Tenant.Of(context), MaxWarnings, context.RequestAborted);
}
