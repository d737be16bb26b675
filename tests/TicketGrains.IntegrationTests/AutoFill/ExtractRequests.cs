using System.Net.Http.Headers;
using System.Text.Json;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.AutoFill;

/// <summary>POST /api/v1/extract over real HTTP: a text as JSON, or a file as the multipart part "file".</summary>
public static class ExtractRequests
{
    public const string Path = "/api/v1/extract";

    public static Task<ApiResponse> TextAsync(ApiClient api, string? text) => api.PostAsync(Path, new { text });

    public static Task<ApiResponse> FileAsync(ApiClient api, byte[] content, string fileName, string declaredType, string part = "file")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        return api.SendAsync(new HttpRequestMessage(HttpMethod.Post, Path) { Content = new MultipartFormDataContent { { file, part, fileName } } });
    }

    /// <summary>The answer's fields as (name, value, source), in the order given.</summary>
    public static IReadOnlyList<(string Name, string Value, string Source)> Fields(ApiResponse response) =>
        [.. response.Json.GetProperty("fields").EnumerateArray().Select(f => (Str(f, "name"), Str(f, "value"), Str(f, "source")))];

    private static string Str(JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
