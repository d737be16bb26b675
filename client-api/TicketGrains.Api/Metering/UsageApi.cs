using TicketGrains.Api.Audit;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Security;
using TicketGrains.Api.Tickets;
using TicketGrains.Grains.Metering;

namespace TicketGrains.Api.Metering;

/// <summary>/api/v1/usage: the caller's tenant's metered usage per hour or UTC day (reports:export), as JSON or CSV.</summary>
public static class UsageApi
{
    public const string CsvFormat = "csv";

    public static RouteGroupBuilder MapUsageApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/usage").WithTags("Usage");
        group.MapGet("", ReadAsync).WithName("ReadUsage")
            .WithSummary("Usage per period (granularity=hour|day) from from to to (ISO 8601 instants); CSV with format=csv or Accept: text/csv.")
            .Produces<UsageReport>().Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem()
            .RequirePermission(Permissions.ReportsExport).Audited(AuditActions.Export, (_, _) => "usage");
        group.MapUsagePlanApi();
        return group;
    }

    private static async Task<IResult> ReadAsync(HttpContext context, UsageQuery query, string? from, string? to, string? granularity, string? format)
    {
        var errors = new FieldErrors();
        var request = UsageRequest.Parse(errors, from, to, granularity);
        if (format is not null && format != CsvFormat && format != "json")
        {
            errors.Add("format", "format is json or csv.");
        }

        ValidationFailed.ThrowIfAny(errors);
        var periods = await query.ReadAsync(Tenant.Of(context), request.From, request.To, request.Granularity, context.RequestAborted);
        var report = UsageReport.Of(request, periods);
        return WantsCsv(context, format) ? new UsageCsvResult(report) : Results.Ok(report);
    }

    private static bool WantsCsv(HttpContext context, string? format) => format is not null
        ? format == CsvFormat
        : context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
}
