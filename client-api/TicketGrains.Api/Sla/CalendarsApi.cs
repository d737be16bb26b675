using Microsoft.AspNetCore.Http.HttpResults;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Api.Audit;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Security;
using TicketGrains.Grains.Sla;

namespace TicketGrains.Api.Sla;

/// <summary>/api/v1/calendars: business calendars SLA policies count business-hours targets in (rules:manage).</summary>
public static class CalendarsApi
{
    public static RouteGroupBuilder MapCalendarsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/calendars").WithTags("SLA").RequirePermission(Permissions.RulesManage);
        group.MapGet("/", ListAsync).WithName("ListCalendars").WithSummary("The tenant's business calendars.");
        group.MapGet("/{name}", GetAsync).WithName("GetCalendar").WithSummary("One business calendar with its version.");
        group.MapPut("/{name}", PutAsync).WithName("PutCalendar")
            .WithSummary("Create or replace a business calendar (IANA time zone, weekly hours, holidays); a new version, used by tickets created after it.")
            .Accepts<CalendarDocument>("application/json").ProducesValidationProblem()
            .Audited(AuditActions.SlaChange, AuditEndpoints.RouteTarget("calendar", "name")).WithSmallBody();
        return group;
    }

    private static async Task<Ok<IReadOnlyList<SlaDocumentEntry<CalendarDocument>>>> ListAsync(HttpContext context, IClusterClient cluster) =>
        TypedResults.Ok(await GrainRetry.Idempotent(() => Calendars(cluster, context).ListCalendarsAsync(), context.RequestAborted));

    private static async Task<Ok<SlaDocumentEntry<CalendarDocument>>> GetAsync(string name, HttpContext context, IClusterClient cluster) =>
        TypedResults.Ok(await GrainRetry.Idempotent(() => Calendars(cluster, context).GetCalendarAsync(name), context.RequestAborted)
            ?? throw new NotFoundException($"No calendar '{name}'."));

    private static async Task<Ok<SlaDocumentEntry<CalendarDocument>>> PutAsync(string name, HttpContext context, IClusterClient cluster)
    {
        var calendar = await SlaDocumentBody.ReadAsync<CalendarDocument>(context.Request, name, SlaDocumentRules.Check);
        return TypedResults.Ok(await GrainRetry.Once(() => Calendars(cluster, context).PutCalendarAsync(name, calendar, Actor.Of(context)), context.RequestAborted));
    }

    private static ISlaPolicyGrain Calendars(IClusterClient cluster, HttpContext context) => cluster.Reference<ISlaPolicyGrain>(Tenant.Of(context));
}
