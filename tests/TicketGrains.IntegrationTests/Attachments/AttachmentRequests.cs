using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Attachments;

/// <summary>Multipart uploads to a ticket and raw downloads of attachments, over real HTTP, as a tenant's admin unless told otherwise.</summary>
public static class AttachmentRequests
{
    public static string Upload(Guid ticket) => $"{TicketRequests.Ticket(ticket)}/attachments";

    public static string Download(Guid attachment) => $"/api/v1/attachments/{attachment}";

    /// <summary>Posts <paramref name="content"/> as the part "file" (or <paramref name="part"/>) under the name and type the sender declares.</summary>
    public static Task<ApiResponse> UploadAsync(ApiClient api, Guid ticket, byte[] content, string fileName, string declaredType, string part = "file")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        var form = new MultipartFormDataContent { { file, part, fileName } };
        return api.SendAsync(new HttpRequestMessage(HttpMethod.Post, Upload(ticket)) { Content = form });
    }

    /// <summary>The attachment's bytes and headers as the tenant's admin (or <paramref name="token"/>) downloads them.</summary>
    public static async Task<Downloaded> DownloadAsync(HttpClient http, string tenant, Guid attachment, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Download(attachment));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? TestTokens.Admin(tenant));
        using var response = await http.SendAsync(request);
        return new Downloaded(response.StatusCode, response.Content.Headers.ContentType?.ToString(), response.Content.Headers.ContentDisposition,
            await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The ticket's events of one type, each event's data parsed.</summary>
    public static async Task<List<JsonElement>> EventsAsync(ApiClient api, Guid ticket, string type) =>
        [.. (await api.GetAsync(TicketRequests.Ticket(ticket) + "/events")).Expect(HttpStatusCode.OK).Json.EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == type)
            .Select(e => JsonDocument.Parse(e.GetProperty("data").GetString()!).RootElement.Clone())];

    public sealed record Downloaded(HttpStatusCode Status, string? ContentType, ContentDispositionHeaderValue? Disposition, byte[] Content);
}
