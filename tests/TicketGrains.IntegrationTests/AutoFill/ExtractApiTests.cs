using System.Net;
using TicketGrains.IntegrationTests.Api;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Attachments;

namespace TicketGrains.IntegrationTests.AutoFill;

/// <summary>
/// POST /api/v1/extract on a real silo: fields from JSON text, from a screenshot read by the real tesseract, masked
/// without pii:read, and a ProblemDetails naming the field for every bad input.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ExtractApiTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    private const string OrderPage = "订单号：3456789012345678901 顺丰 SF1234567890123 实付 ¥128.50 手机 13812345678 收货地址：浙江省杭州市西湖区文三路90号";

    [Fact]
    public Task Text_gives_each_field_with_its_source_unmasked_for_pii_read() => cluster.RunAsync(output, async () =>
    {
        var response = (await ExtractRequests.TextAsync(cluster.FreshTenant(), OrderPage)).Expect(HttpStatusCode.OK);

        Assert.Equal(OrderPage, response.String("text"));
        Assert.Equal(
        [
            ("orderNo", "3456789012345678901", "text"), ("trackingNo", "SF1234567890123", "text"), ("carrier", "SF", "text"),
            ("amount", "128.50", "text"), ("phone", "13812345678", "text"), ("address", "浙江省杭州市西湖区文三路90号", "text"),
        ], ExtractRequests.Fields(response));
        Assert.Equal(0.95, response.Json.GetProperty("fields")[0].GetProperty("confidence").GetDouble());
    });

    [Fact]
    public Task An_agent_without_pii_read_gets_phone_address_and_text_masked() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var agent = cluster.Client(tenant, TestTokens.Mint(tenant, "agent-1", roles: ["agent"]));

        var response = (await ExtractRequests.TextAsync(agent, OrderPage)).Expect(HttpStatusCode.OK);

        var fields = ExtractRequests.Fields(response).ToDictionary(f => f.Name, f => f.Value);
        Assert.Equal(("138****5678", "浙江省杭州市西湖区****", "SF1234567890123"), (fields["phone"], fields["address"], fields["trackingNo"]));
        Assert.DoesNotContain("13812345678", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("文三路", response.Text, StringComparison.Ordinal);
    });

    [Fact]
    public Task A_role_without_tickets_write_is_refused() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var auditor = cluster.Client(tenant, TestTokens.Mint(tenant, "auditor-1", roles: ["auditor"]));
        (await ExtractRequests.TextAsync(auditor, OrderPage)).Expect(HttpStatusCode.Forbidden);
    });

    [Fact]
    public Task Every_bad_text_is_a_400_naming_text_and_a_body_neither_json_nor_multipart_a_415() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();

        var missing = (await api.PostAsync(ExtractRequests.Path, new { })).Expect(HttpStatusCode.BadRequest);
        var empty = (await ExtractRequests.TextAsync(api, "  ")).Expect(HttpStatusCode.BadRequest);
        var tooLong = (await ExtractRequests.TextAsync(api, new string('订', 20_001))).Expect(HttpStatusCode.BadRequest);
        var control = (await ExtractRequests.TextAsync(api, "订单\u0007")).Expect(HttpStatusCode.BadRequest);
        var plain = (await api.SendAsync(new HttpRequestMessage(HttpMethod.Post, ExtractRequests.Path) { Content = new StringContent("订单号 1") }))
            .Expect(HttpStatusCode.UnsupportedMediaType);

        Assert.All(new[] { missing, empty, tooLong, control }, r => Assert.Equal(["text"], r.ErrorFields));
        Assert.Contains("longer than 20000", tooLong.Text, StringComparison.Ordinal);
        Assert.Equal(["body"], plain.ErrorFields);
    });

    [Fact]
    public Task Every_bad_file_is_refused_naming_file() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();

        var executable = (await ExtractRequests.FileAsync(api, SampleFiles.Executable(), "shot.png", "image/png")).Expect(HttpStatusCode.UnsupportedMediaType);
        var noReader = (await ExtractRequests.FileAsync(api, SampleFiles.Pdf(), "order.pdf", "application/pdf")).Expect(HttpStatusCode.UnsupportedMediaType);
        var noSize = (await ExtractRequests.FileAsync(api, SampleFiles.Png(), "shot.png", "image/png")).Expect(HttpStatusCode.UnsupportedMediaType);
        var tooManyPixels = (await ExtractRequests.FileAsync(api, PngHeader(10_000, 10_000), "huge.png", "image/png"))
            .Expect(HttpStatusCode.RequestEntityTooLarge);
        var otherPart = (await ExtractRequests.FileAsync(api, SampleFiles.Png(), "shot.png", "image/png", part: "image")).Expect(HttpStatusCode.BadRequest);

        Assert.All(new[] { executable, noReader, noSize, tooManyPixels, otherPart }, r => Assert.Equal(["file"], r.ErrorFields));
        Assert.Contains("no reader here reads application/pdf", noReader.Text, StringComparison.Ordinal);
        Assert.Contains("10000×10000 pixels", tooManyPixels.Text, StringComparison.Ordinal);
    });

    [Fact]
    public Task A_screenshot_is_read_by_tesseract_and_its_fields_come_with_source_ocr() => cluster.RunAsync(output, async () =>
    {
        var screenshot = await TestScreenshots.RenderAsync(["订单详情", "订单编号：3456789012345678901", "实付款：¥128.50", "运单号：SF1234567890123"], "png");

        var response = (await ExtractRequests.FileAsync(cluster.FreshTenant(), screenshot, "截图.png", "application/octet-stream")).Expect(HttpStatusCode.OK);

        var fields = ExtractRequests.Fields(response);
        Assert.Contains(("orderNo", "3456789012345678901", "ocr"), fields);
        Assert.Contains(("trackingNo", "SF1234567890123", "ocr"), fields);
        Assert.Contains(("amount", "128.50", "ocr"), fields);
        Assert.Contains("3456789012345678901", response.String("text"), StringComparison.Ordinal);
    });

    /// <summary>A PNG signature and header claiming the size, with no picture behind it: the pixel check must refuse it unread.</summary>
    private static byte[] PngHeader(int width, int height)
    {
        var png = SampleFiles.Png(4096);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        return png;
    }
}
