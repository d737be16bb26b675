using Microsoft.AspNetCore.Http.HttpResults;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Api.Audit;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Metering;
using TicketGrains.Api.Privacy;
using TicketGrains.Api.Security;
using TicketGrains.Api.Tickets;
using TicketGrains.Grains.Metering;
using TicketGrains.Grains.ReadModel;

namespace TicketGrains.Api.Reports;

/// <summary>/api/v1/reports: exports (reports:export), masked unless the caller has pii:read, each one audited.</summary>
public static class ReportsApi
{
    /// <summary>Most rows one export returns; filter by status or category for more.</summary>
    public const int MaxRows = 10_000;

    public static RouteGroupBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reports").WithTags("Reports").MasksPersonalData();
        group.MapGet("/tickets.csv", ExportTicketsAsync).WithName("ExportTicketsCsv")
            .WithSummary($"The tenant's tickets as CSV, oldest first (at most {MaxRows}; filter by status or category).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem()
            .RequirePermission(Permissions.ReportsExport).Audited(AuditActions.Export, (_, _) => "tickets");
        group.MapGet("/tickets-per-hour", TicketsPerHourAsync).WithName("TicketsPerHour")
            .WithSummary("Tickets created per UTC hour from from to to (ISO 8601 instants, at most 31 days), by channel and by category.")
            .ProducesValidationProblem().RequirePermission(Permissions.ReportsExport);
        return group;
    }

    private static async Task<Ok<TicketsPerHour>> TicketsPerHourAsync(HttpContext context, TicketsPerHourQuery query, string? from, string? to)
    {
        var errors = new FieldErrors();
        var span = UsageRequest.Parse(errors, from, to, UsageGranularity.Hour);
        ValidationFailed.ThrowIfAny(errors);
        return TypedResults.Ok(await query.ReadAsync(Tenant.Of(context), span.From, span.To, context.RequestAborted));
    }

    private static async Task<TicketCsvResult> ExportTicketsAsync(HttpContext context, ITicketReadModel readModel, string? status, string? category)
    {
        var tenant = Tenant.Of(context);
        var errors = new FieldErrors();
        TextRules.OneOf(errors, "status", status, TicketStatus.All);
        TextRules.OneOf(errors, "category", category, TicketCatalog.Categories);
        ValidationFailed.ThrowIfAny(errors);

        var rows = new List<TicketListing.Item>();
        TicketCursor? after = null;
        while (rows.Count < MaxRows)
        {
            var size = Math.Min(TicketListing.MaxLimit, MaxRows - rows.Count);
            var page = await readModel.ListAsync(new TicketQuery(tenant, status, null, null, category, after, size));
            rows.AddRange(page.Items.Select(TicketListing.ToItem));
            if (page.NextCursor is null || !TicketCursor.TryDecode(page.NextCursor, out after))
            {
                break;
            }
        }

        return new TicketCsvResult(new TicketExport(rows));
    }
}
