using System.Net;
using TicketGrains.IntegrationTests.Api;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Attachments;

namespace TicketGrains.IntegrationTests.Attachments;

/// <summary>
/// POST /api/v1/tickets/{id}/attachments and GET /api/v1/attachments/{id} on a real silo and PostgreSQL: the type is
/// the content's, each refusal names the part, files stay in their tenant, and erasing the customer takes them away.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AttachmentApiTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public Task An_uploaded_file_is_typed_by_its_content_recorded_on_the_ticket_stored_sealed_and_downloaded_whole() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var ticket = await NewTicketAsync(api);
        var png = SampleFiles.Png(300_000);

        var uploaded = (await AttachmentRequests.UploadAsync(api, ticket, png, "截图 订单42.png", "application/octet-stream")).Expect(HttpStatusCode.Created);
        var id = uploaded.Json.GetProperty("id").GetGuid();
        var download = await AttachmentRequests.DownloadAsync(cluster.Http, api.Tenant!, id);

        Assert.Equal(($"/api/v1/attachments/{id}", "image/png", "png", "image", 300_000L), (uploaded.Location?.OriginalString, uploaded.String("contentType"),
            uploaded.String("type"), uploaded.String("kind"), uploaded.Json.GetProperty("bytes").GetInt64()));
        Assert.Equal((HttpStatusCode.OK, "image/png", "attachment", "截图 订单42.png"),
            (download.Status, download.ContentType, download.Disposition?.DispositionType, download.Disposition?.FileNameStar));
        Assert.Equal(png, download.Content);
        var recorded = Assert.Single(await AttachmentRequests.EventsAsync(api, ticket, "AttachmentAdded"));
        Assert.Equal((id, "截图 订单42.png", "image/png", 300_000L, "it-admin"), (recorded.GetProperty("attachmentId").GetGuid(),
            recorded.GetProperty("fileName").GetString(), recorded.GetProperty("contentType").GetString(), recorded.GetProperty("bytes").GetInt64(),
            recorded.GetProperty("actor").GetString()));
        var stored = await cluster.Database.ColumnAsync<byte[]>("SELECT content FROM tg_attachments WHERE tenant_id = $1 AND attachment_id = $2", api.Tenant!, id);
        Assert.Equal(-1, Assert.Single(stored).AsSpan().IndexOf(png.AsSpan(1000, 64)));
        var names = await cluster.Database.ColumnAsync<string>("SELECT data::text FROM tg_events WHERE tenant_id = $1 AND event_type = 'AttachmentAdded'", api.Tenant!);
        Assert.DoesNotContain("订单42", Assert.Single(names), StringComparison.Ordinal);
    });

    [Fact]
    public Task Content_that_is_no_accepted_type_is_415_whatever_its_name_and_declared_type_and_stores_nothing() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var ticket = await NewTicketAsync(api);

        var executable = (await AttachmentRequests.UploadAsync(api, ticket, SampleFiles.Executable(), "photo.jpg", "image/jpeg"))
            .Expect(HttpStatusCode.UnsupportedMediaType);
        var archive = (await AttachmentRequests.UploadAsync(api, ticket, SampleFiles.PlainZip(), "report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
            .Expect(HttpStatusCode.UnsupportedMediaType);

        Assert.All(new[] { executable, archive }, r => Assert.Equal(["file"], r.ErrorFields));
        Assert.All(new[] { executable, archive }, r => Assert.Equal("application/problem+json", r.MediaType));
        Assert.Empty(await AttachmentRequests.EventsAsync(api, ticket, "AttachmentAdded"));
        Assert.Equal(0L, (await cluster.Database.ColumnAsync<long>("SELECT count(*) FROM tg_attachments WHERE tenant_id = $1", api.Tenant!)).Single());
    });

    [Fact]
    public Task A_file_over_its_kinds_limit_is_413_and_a_missing_file_400_each_naming_the_part() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var ticket = await NewTicketAsync(api);
        var text = new byte[1024 * 1024 + 1];
        Array.Fill(text, (byte)'a');

        var tooLarge = (await AttachmentRequests.UploadAsync(api, ticket, text, "log.txt", "text/plain")).Expect(HttpStatusCode.RequestEntityTooLarge);
        var otherPart = (await AttachmentRequests.UploadAsync(api, ticket, SampleFiles.Png(), "a.png", "image/png", part: "image")).Expect(HttpStatusCode.BadRequest);
        var json = (await api.PostAsync(AttachmentRequests.Upload(ticket), new { file = "aGVsbG8=" })).Expect(HttpStatusCode.BadRequest);

        Assert.All(new[] { tooLarge, otherPart, json }, r => Assert.Equal(["file"], r.ErrorFields));
        Assert.Contains("text (text) of 1048577 bytes; at most 1048576", tooLarge.Text, StringComparison.Ordinal);
        Assert.Equal(0L, (await cluster.Database.ColumnAsync<long>("SELECT count(*) FROM tg_attachments WHERE tenant_id = $1", api.Tenant!)).Single());
    });

    [Fact]
    public Task Another_tenant_gets_404_for_the_file_and_the_ticket_and_a_reader_needs_tickets_read() => cluster.RunAsync(output, async () =>
    {
        var (a, b) = (cluster.FreshTenant(), cluster.FreshTenant());
        var ticket = await NewTicketAsync(a);
        var id = (await AttachmentRequests.UploadAsync(a, ticket, SampleFiles.Pdf(), "invoice.pdf", "application/pdf")).Expect(HttpStatusCode.Created).Id;

        var fromB = await AttachmentRequests.DownloadAsync(cluster.Http, b.Tenant!, id);
        var uploadFromB = await AttachmentRequests.UploadAsync(b, ticket, SampleFiles.Pdf(), "x.pdf", "application/pdf");
        var noPermission = await AttachmentRequests.DownloadAsync(cluster.Http, a.Tenant!, id, TestTokens.Mint(a.Tenant!, "bob", permissions: ["tickets:write"]));
        var reader = await AttachmentRequests.DownloadAsync(cluster.Http, a.Tenant!, id, TestTokens.Mint(a.Tenant!, "carol", permissions: ["tickets:read"]));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Forbidden, HttpStatusCode.OK),
            (fromB.Status, uploadFromB.Status, noPermission.Status, reader.Status));
        Assert.Equal(SampleFiles.Pdf(), reader.Content);
    });

    [Fact]
    public Task Erasing_the_customer_makes_the_file_404_and_deletes_its_rows() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var ticket = await NewTicketAsync(api);
        var id = (await AttachmentRequests.UploadAsync(api, ticket, SampleFiles.Amr(), "voice.amr", "audio/amr")).Expect(HttpStatusCode.Created).Id;
        var customer = (await api.GetAsync(TicketRequests.Ticket(ticket))).Expect(HttpStatusCode.OK).Json.GetProperty("customerId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await AttachmentRequests.DownloadAsync(cluster.Http, api.Tenant!, id)).Status);

        (await api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/customers/{customer}/personal-data"))).Expect(HttpStatusCode.Accepted);

        Assert.Equal(HttpStatusCode.NotFound, (await AttachmentRequests.DownloadAsync(cluster.Http, api.Tenant!, id)).Status);
        Assert.Equal(0L, (await cluster.Database.ColumnAsync<long>(
            "SELECT count(*) FROM tg_attachments WHERE tenant_id = $1 AND customer_id = $2", api.Tenant!, customer)).Single());
    });

    private static async Task<Guid> NewTicketAsync(ApiClient api) =>
        (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("附件"))).Expect(HttpStatusCode.Created).Id;
}
