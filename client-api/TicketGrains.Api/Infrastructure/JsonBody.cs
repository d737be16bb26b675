using System.Buffers;
using System.Text.Json;
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
        if (!request.HasJsonContentType())
        {
            // The same 415 routing gives for a declared non-JSON type, also when no type is given at all.
            throw new BadHttpRequestException("The body must be JSON (Content-Type: application/json).", StatusCodes.Status415UnsupportedMediaType);
        }

        // The whole body is read before any of it is parsed. Parsing as it arrives made the answer depend on timing: an
        // oversized body whose first bytes were already wrong got a 400 instead of its 413, and the connection was then
        // dropped under the client's next request while Kestrel drained the unread rest.
        var reader = request.BodyReader;
        var read = await reader.ReadAsync(request.HttpContext.RequestAborted);
        while (!read.IsCompleted)
        {
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            read = await reader.ReadAsync(request.HttpContext.RequestAborted);
        }

        try
        {
            return Parse<T>(read.Buffer);
        }
        finally
        {
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
