using System.Globalization;
using System.Text;

namespace TicketGrains.Api.Metering;

/// <summary>A usage report as CSV (RFC 4180): a header of the JSON's names, one row per period. Every cell is a time or a number.</summary>
public sealed class UsageCsvResult(UsageReport report) : IResult
{
    private static readonly string[] Header =
        ["start", "end", "tickets", "messages", "activeSeats", "automationRuns", "webhookDeliveries", "storageBytes"];

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = "text/csv; charset=utf-8";
        httpContext.Response.Headers.ContentDisposition = "attachment; filename=\"usage.csv\"";
        await httpContext.Response.WriteAsync(Render(report), httpContext.RequestAborted);
    }

    public static string Render(UsageReport report)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Header).Append("\r\n");
        foreach (var i in report.Items)
        {
            string[] cells =
            [
                Time(i.Start), Time(i.End), Number(i.Tickets), Number(i.Messages), Number(i.ActiveSeats), Number(i.AutomationRuns),
                Number(i.WebhookDeliveries), Number(i.StorageBytes),
            ];
            csv.AppendJoin(',', cells).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
