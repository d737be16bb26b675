using System.Buffers;
using System.IO.Pipelines;
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
        where T : class
    {
        var (reader, body) = await ReadWholeAsync(request);
        try
        {
            return Parse<T>(body);
        }
        finally
        {
            reader.AdvanceTo(body.End);
        }
    }

    /// <summary>The JSON body as sent, for documents stored verbatim; read and limited as <see cref="ReadAsync{T}"/> reads.</summary>
    public static async Task<string> ReadTextAsync(HttpRequest request)
    {
        var (reader, body) = await ReadWholeAsync(request);
        try
        {
            // As a StreamReader read it before: a leading byte-order mark is not part of the document.
            var text = Encoding.UTF8.GetString(body);
            return text.StartsWith('\uFEFF') ? text[1..] : text;
        }
        finally
        {
            reader.AdvanceTo(body.End);
        }
    }

    /// <summary>The whole body, still held by the reader: the caller advances past it.</summary>
    private static async Task<(PipeReader Reader, ReadOnlySequence<byte> Body)> ReadWholeAsync(HttpRequest request)
    {
        if (!request.HasJsonContentType())
        {
            // The same 415 routing gives for a declared non-JSON type, also when no type is given at all.
            throw new BadHttpRequestException("The body must be JSON (Content-Type: application/json).", StatusCodes.Status415UnsupportedMediaType);
        }

        // The whole body is read before any of it is parsed. Parsing as it arrives made the answer depend on timing: an
        // oversized body whose first bytes were already wrong got a 400 instead of its 413, and the connection was then
        // dropped under the client's next request while Kestrel drained the unread rest.
        var aborted = request.HttpContext.RequestAborted;
        var limit = TakeOverBodyLimit(request.HttpContext);
        var reader = request.BodyReader;
        var read = await reader.ReadAsync(aborted);
        while (!read.IsCompleted && read.Buffer.Length <= limit)
        {
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            read = await reader.ReadAsync(aborted);
        }

        if (read.Buffer.Length > limit)
        {
            await DiscardRestAsync(reader, read, aborted);
            throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
        }

        return (reader, read.Buffer);
    }

    /// <summary>Up to this much beyond its limit, an oversized body is read to its end before the 413.</summary>
    public const long OversizeReadBytes = 1024 * 1024;

    /// <summary>
    /// The route's body limit, now enforced here; Kestrel's own limit is raised by <see cref="OversizeReadBytes"/>. When
    /// Kestrel refuses a body it closes the connection with the rest unread, and a client still sending that rest can
    /// meet a reset instead of the 413 (a flaky hostile-input test, 2026-12-04). Read to its end, the body leaves the
    /// connection clean: the client gets its 413 and may keep the connection.
    /// </summary>
    private static long TakeOverBodyLimit(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is not { IsReadOnly: false, MaxRequestBodySize: { } limit } feature)
        {
            return long.MaxValue;
        }

        feature.MaxRequestBodySize = limit + OversizeReadBytes;
        return limit;
    }

    private static async Task DiscardRestAsync(PipeReader reader, ReadResult read, CancellationToken aborted)
    {
        reader.AdvanceTo(read.Buffer.End);
        while (!read.IsCompleted)
        {
            // Past Kestrel's raised limit this throws its own 413, and the connection is closed as before.
            read = await reader.ReadAsync(aborted);
            reader.AdvanceTo(read.Buffer.End);
        }
    }

    private static T Parse<T>(ReadOnlySequence<byte> body)
        where T : class
    {
        try
        {
            // The span overload also refuses anything after the one JSON value.
            return JsonSerializer.Deserialize<T>(body.IsSingleSegment ? body.FirstSpan : body.ToArray(), Options)
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
