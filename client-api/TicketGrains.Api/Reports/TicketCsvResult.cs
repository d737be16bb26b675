using System.Globalization;
using System.Text;
using TicketGrains.Api.Infrastructure;

namespace TicketGrains.Api.Reports;

/// <summary>An export as CSV (RFC 4180), with cells that a spreadsheet would run as a formula defused.</summary>
public sealed class TicketCsvResult(TicketExport export) : IMaskableResult
{
    private static readonly string[] Header =
        ["id", "status", "category", "priority", "queue", "customerId", "assignee", "channel", "subject", "createdAt", "updatedAt", "slaDueAt"];

    public object? Value => export;

    public IResult WithValue(object value) => new TicketCsvResult((TicketExport)value);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = "text/csv; charset=utf-8";
        httpContext.Response.Headers.ContentDisposition = "attachment; filename=\"tickets.csv\"";
        await httpContext.Response.WriteAsync(Render(export), httpContext.RequestAborted);
    }

    public static string Render(TicketExport export)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Header).Append("\r\n");
        foreach (var t in export.Rows)
        {
            string?[] cells =
            [
                t.Id.ToString(), t.Status, t.Category, t.Priority, t.Queue, t.CustomerId.ToString(), t.Assignee, t.Channel, t.Subject,
                Time(t.CreatedAt), Time(t.UpdatedAt), t.SlaDueAt is { } due ? Time(due) : null,
            ];
            csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
