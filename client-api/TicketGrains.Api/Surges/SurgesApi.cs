using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Api.Audit;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Security;
using TicketGrains.Api.Tickets;
using TicketGrains.Grains.Surges;

namespace TicketGrains.Api.Surges;

/// <summary>
/// /api/v1/surges: the tenant's surges, active and recent (reports:export, as supervisors read reports), and the shop's
/// reactions to them (rules:manage, as its rules).
/// </summary>
public static class SurgesApi
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    public const int MaxIncidentTickets = 1000;

    public static IServiceCollection AddSurgesApi(this IServiceCollection services) => services.AddSurgeStores();

    public static RouteGroupBuilder MapSurgesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/surges").WithTags("Surges");
        group.MapGet("", ListAsync).WithName("ListSurges")
            .WithSummary("Surges of the tenant's categories, newest first (state=active|ended, category, limit 1-200).")
            .Produces<SurgeList>().ProducesValidationProblem().RequirePermission(Permissions.ReportsExport);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetSurge").WithSummary("One surge with its incident tickets (the first 1,000).")
            .Produces<SurgeView>().ProducesProblem(StatusCodes.Status404NotFound).RequirePermission(Permissions.ReportsExport);
        group.MapGet("/settings", SettingsAsync).WithName("GetSurgeSettings").WithSummary("The shop's reactions to a surge (all off by default).")
            .Produces<SurgeSettings>().RequirePermission(Permissions.RulesManage);
        group.MapPut("/settings", SaveSettingsAsync).WithName("SetSurgeSettings")
            .WithSummary("Turn reactions on or off: openProblemTicket, notifyCustomers with notice {zh, en}, surgeQueue; from the next surge on.")
            .Accepts<SurgeSettingsRequest>("application/json").Produces<SurgeSettings>().ProducesValidationProblem()
            .RequirePermission(Permissions.RulesManage).Audited(AuditActions.RuleChange, (_, _) => "surge-settings").WithSmallBody();
        return group;
    }

    private static async Task<Ok<SurgeList>> ListAsync(HttpContext context, SurgeStore surges, string? state, string? category, string? limit)
    {
        var errors = new FieldErrors();
        if (state is not null && state != SurgeRecord.Active && state != SurgeRecord.Ended)
        {
            errors.Add("state", "state is active or ended.");
        }

        if (category is not null && !TicketCatalog.Categories.Contains(category))
        {
            errors.Add("category", "category is one of the ticket categories.");
        }

        // Read as text, so a limit that is no number is refused naming it rather than by the binder.
        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            errors.Add("limit", $"limit is a number from 1 to {MaxLimit}.");
        }

        ValidationFailed.ThrowIfAny(errors);
        var found = await surges.ListAsync(Tenant.Of(context), state, category, size, context.RequestAborted);
        return TypedResults.Ok(new SurgeList([.. found.Select(s => SurgeView.Of(s))]));
    }

    private static async Task<Ok<SurgeView>> GetAsync(Guid id, HttpContext context, SurgeStore surges)
    {
        var tenant = Tenant.Of(context);
        var surge = await surges.GetAsync(tenant, id, context.RequestAborted) ?? throw new NotFoundException($"No surge {id}.");
        return TypedResults.Ok(SurgeView.Of(surge, await surges.IncidentTicketsAsync(tenant, id, MaxIncidentTickets, context.RequestAborted)));
    }

    private static async Task<Ok<SurgeSettings>> SettingsAsync(HttpContext context, SurgeSettingsStore settings) =>
        TypedResults.Ok(await settings.GetAsync(Tenant.Of(context), context.RequestAborted));

    private static async Task<Ok<SurgeSettings>> SaveSettingsAsync(HttpContext context, SurgeSettingsStore settings, TimeProvider time)
    {
        var request = await JsonBody.ReadAsync<SurgeSettingsRequest>(context.Request);
        var errors = new FieldErrors();
        var validated = SurgeSettingsValidator.Validate(request, errors);
        ValidationFailed.ThrowIfAny(errors);
        await settings.PutAsync(Tenant.Of(context), validated, Actor.Of(context), time.GetUtcNow(), context.RequestAborted);
        return TypedResults.Ok(validated);
    }
}
