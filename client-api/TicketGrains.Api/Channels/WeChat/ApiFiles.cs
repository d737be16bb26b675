using System.Text.Json;
using System.Text.Json.Nodes;

namespace TicketGrains.Api.Channels.WeChat;

/// <summary>
/// Reads a media API's answer: a JSON object is an errcode (a <see cref="WeChatApiException"/>) or a video's
/// <c>video_url</c>; anything else is the file, up to <c>maxBytes</c> (larger is refused before it is read whole).
/// </summary>
public static class ApiFiles
{
    public static async Task<ApiFile> DownloadAsync(HttpClient client, string url, long maxBytes, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new FileTooLargeException(maxBytes);
        }

        var content = await ReadBoundedAsync(response.Content, maxBytes, cancellationToken);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is "application/json" or "text/plain" && Json(content) is { } answer)
        {
            var code = answer["errcode"]?.GetValueKind() == JsonValueKind.Number ? answer["errcode"]!.GetValue<int>() : 0;
            if (code != 0)
            {
                throw new WeChatApiException(code, answer["errmsg"]?.ToString() ?? "");
            }

            if (answer["video_url"]?.GetValueKind() == JsonValueKind.String)
            {
                return new ApiFile(null, [], answer["video_url"]!.GetValue<string>());
            }
        }

        var disposition = response.Content.Headers.ContentDisposition;
        return new ApiFile((disposition?.FileNameStar ?? disposition?.FileName)?.Trim('"'), content, null);
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpContent body, long maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = await body.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new FileTooLargeException(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static JsonObject? Json(byte[] content)
    {
        try
        {
            return content is [(byte)'{', ..] ? JsonNode.Parse(content) as JsonObject : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
