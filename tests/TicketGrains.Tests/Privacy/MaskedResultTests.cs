using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using TicketGrains.Api.Privacy;
using TicketGrains.Api.Reports;
using TicketGrains.Api.Tickets;
using Xunit;

namespace TicketGrains.Tests.Privacy;

public sealed class MaskedResultTests
{
    [Fact]
    public async Task A_created_result_keeps_its_status_and_location_with_the_masked_value()
    {
        var masked = new { subject = "138****5678" };

        var replaced = MaskedResult.Replacing(TypedResults.Created("/api/v1/tickets/1", new { subject = "13812345678" }), masked);

        var (status, location, body) = await ExecuteAsync(replaced);
        Assert.Equal((201, "/api/v1/tickets/1", """{"subject":"138****5678"}"""), (status, location, body));
    }

    [Fact]
    public async Task A_union_result_is_looked_through()
    {
        Results<Ok<string>, NoContent> union = TypedResults.Ok("13812345678");

        var (status, location, body) = await ExecuteAsync(MaskedResult.Replacing(union, "138****5678"));

        Assert.Equal((200, "", "\"138****5678\""), (status, location, body));
    }

    [Fact]
    public async Task A_csv_export_is_rebuilt_around_the_masked_rows()
    {
        var at = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        var id = Guid.Parse("11111111-2222-3333-4444-555555555555");
        TicketListing.Item Row(string subject) => new(id, "new", "general", "normal", "general", id, null, "web", subject, at, at, null, 1);

        var replaced = MaskedResult.Replacing(new TicketCsvResult(new TicketExport([Row("=HYPERLINK(\"x\")")])), new TicketExport([Row("a, \"b\"")]));

        var (status, _, body) = await ExecuteAsync(replaced);
        Assert.Equal(200, status);
        Assert.Equal(
            "id,status,category,priority,queue,customerId,assignee,channel,subject,createdAt,updatedAt,slaDueAt\r\n" +
            $"{id},new,general,normal,general,{id},,web,\"a, \"\"b\"\"\",2026-11-25T10:00:00.0000000+00:00,2026-11-25T10:00:00.0000000+00:00,\r\n",
            body);
        Assert.Contains(",web,\"'=HYPERLINK(\"\"x\"\")\",", TicketCsvResult.Render(new TicketExport([Row("=HYPERLINK(\"x\")")])), StringComparison.Ordinal);
    }

    private static async Task<(int Status, string Location, string Body)> ExecuteAsync(IResult result)
    {
        var context = new DefaultHttpContext { Response = { Body = new MemoryStream() } };
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, context.Response.Headers.Location.ToString(),
            Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }
}
