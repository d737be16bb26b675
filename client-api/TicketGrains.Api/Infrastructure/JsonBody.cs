using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using TicketGrains.Abstractions.Errors;

namespace TicketGrains.Api.Infrastructure;

/// <summary>
/// Reads a JSON body strictly (unknown members refused) and reports the exact path of what is wrong,
/// instead of the framework's generic binding failure.
/// </summary>
public static class JsonBody
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 16,
    };

    public static async Task<T> ReadAsync<T>(HttpRequest request)
        where T : class => Parse<T>(await ReadWholeAsync(request));

    /// <summary>The JSON body as sent, for documents stored verbatim; read and limited as <see cref="ReadAsync{T}"/> reads.</summary>
    public static async Task<string> ReadTextAsync(HttpRequest request)
    {
        // As a StreamReader read it before: a leading byte-order mark is not part of the document.
        var text = Encoding.UTF8.GetString(await ReadWholeAsync(request));
        return text.StartsWith('\uFEFF') ? text[1..] : text;
    }

    /// <summary>Up to this much beyond the route's limit, an oversized body is read to its end before the 413.</summary>
    public const long OversizeReadBytes = 1024 * 1024;

    private static Task<byte[]> ReadWholeAsync(HttpRequest request)
    {
        if (!request.HasJsonContentType())
        {
            // The same 415 routing gives for a declared non-JSON type, also when no type is given at all.
            throw new BadHttpRequestException("The body must be JSON (Content-Type: application/json).", StatusCodes.Status415UnsupportedMediaType);
        }

        // The whole body is read before any of it is parsed. Parsing as it arrives made the answer depend on timing: an
        // oversized body whose first bytes were already wrong got a 400 instead of its 413, and the connection was then
        // dropped under the client's next request while Kestrel drained the unread rest.
        return LimitedBody.ReadAsync(request, RouteBodyLimit(request.HttpContext), OversizeReadBytes);
    }

    /// <summary>
    /// The route's body limit as the server holds it now (see <see cref="RequestLimits"/>), which the reader then enforces
    /// itself. Where the server's limit cannot be taken over (already read from, or none), the server keeps enforcing it.
    /// </summary>
    private static long RouteBodyLimit(HttpContext context) =>
        context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false, MaxRequestBodySize: { } limit } ? limit : long.MaxValue;

    private static T Parse<T>(byte[] body)
        where T : class
    {
        try
        {
            // The span overload also refuses anything after the one JSON value.
            return JsonSerializer.Deserialize<T>(body.AsSpan(), Options)
                ?? throw new InvalidFieldException("body", "The body must be a JSON object, not null.");
        }
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            throw new InvalidFieldException(path, "Malformed or unexpected JSON: " + FirstSentence(e.Message));
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }
}
