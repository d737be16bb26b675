using System.Net;
using System.Text.Json;

namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>A fully read HTTP response, with helpers for the shapes this API returns.</summary>
public sealed class ApiResponse(HttpStatusCode status, string? mediaType, Uri? location, string text, IReadOnlyDictionary<string, string> headers)
{
    private JsonElement? _json;

    public HttpStatusCode Status { get; } = status;

    public string? MediaType { get; } = mediaType;

    public Uri? Location { get; } = location;

    public string Text { get; } = text;

    /// <summary>Response and content headers by name (case-insensitive), repeated values joined with ", ".</summary>
    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    /// <summary>A header's value, or null when the response has none.</summary>
    public string? Header(string name) => Headers.GetValueOrDefault(name);

    /// <summary>The body as JSON (fails the test, showing the body, if it is not JSON).</summary>
    public JsonElement Json => _json ??= Parse();

    /// <summary>The "id" of a returned ticket.</summary>
    public Guid Id => Json.GetProperty("id").GetGuid();

    /// <summary>The field names under a ValidationProblemDetails' "errors", sorted.</summary>
    public IReadOnlyList<string> ErrorFields => [.. Json.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    /// <summary>Fails the test, showing the body, unless the status is the expected one.</summary>
    public ApiResponse Expect(HttpStatusCode expected)
    {
        if (Status != expected)
        {
            Assert.Fail($"Expected {(int)expected} {expected} but got {(int)Status} {Status}: {Text}");
        }

        return this;
    }

    public string? String(string property) => Json.GetProperty(property).GetString();

    private JsonElement Parse()
    {
        try
        {
            using var document = JsonDocument.Parse(Text);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            Assert.Fail($"Expected a JSON body ({e.Message}) but got {(int)Status}: {Text}");
            throw;
        }
    }
}
