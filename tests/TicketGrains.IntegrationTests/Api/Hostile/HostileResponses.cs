using System.Text.Json;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Api.Hostile;

/// <summary>Sends one hostile request and says what is wrong with the answer, or null when it is a proper refusal.</summary>
public static class HostileResponses
{
    public static async Task<string?> CheckAsync(HttpClient http, HostileRequest hostile)
    {
        using var request = new HttpRequestMessage(hostile.Method, hostile.Url);
        if (hostile.Body is not null)
        {
            request.Content = hostile.Chunked ? new ChunkedContent(hostile.Body) : new ByteArrayContent(hostile.Body);
            if (hostile.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", hostile.ContentType);
            }
        }

        HttpResponseMessage response;
        string text;
        try
        {
            response = await http.SendAsync(request);
            text = await response.Content.ReadAsStringAsync();
        }
        catch (TaskCanceledException)
        {
            return $"no answer within {http.Timeout.TotalSeconds:0} s";
        }
        catch (HttpRequestException e)
        {
            return $"the connection failed: {e.Message}";
        }

        using (response)
        {
            return Judge((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, text, hostile);
        }
    }

    private static string? Judge(int status, string? mediaType, string text, HostileRequest hostile)
    {
        if (hostile.Status is { } expected ? status != expected : status is < 400 or >= 500 or 401 or 403 or 429)
        {
            return $"{status} instead of {hostile.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "a 4xx"}: {Shorten(text)}";
        }

        if (hostile.RefusedByServer)
        {
            return text.Length == 0 ? null : $"{status} with a body, though the server itself should have refused: {Shorten(text)}";
        }

        if (mediaType != "application/problem+json")
        {
            return $"{status} as {mediaType ?? "no content type"}, not ProblemDetails: {Shorten(text)}";
        }

        JsonElement problem;
        try
        {
            using var document = JsonDocument.Parse(text);
            problem = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return $"{status} with a body that is not JSON: {Shorten(text)}";
        }

        if (!problem.TryGetProperty("status", out var statusProperty) || statusProperty.GetInt32() != status
            || !problem.TryGetProperty("title", out var title) || string.IsNullOrWhiteSpace(title.GetString()))
        {
            return $"{status} ProblemDetails without a matching status and a title: {Shorten(text)}";
        }

        if (status == 400)
        {
            var fields = problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(e => e.Name).ToList() : [];
            if (fields.Count == 0)
            {
                return $"400 naming no field: {Shorten(text)}";
            }

            if (hostile.Field is { } field && !fields.Any(f => Names(f, field)))
            {
                return $"400 naming {string.Join(", ", fields)} instead of {field}: {Shorten(text)}";
            }
        }

        return null;
    }

    /// <summary>
    /// Whether an error key names the field, itself, a part of it or its parent ("queues[0]" names "queues.0"; a JSON
    /// pointer, as rule documents' errors are keyed, "/then/queue" names "then.queue").
    /// </summary>
    private static bool Names(string key, string field)
    {
        static string Normal(string s) => s.StartsWith('/')
            ? string.Join('.', s[1..].Split('/').Select(p => p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))).ToLowerInvariant()
            : s.Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).ToLowerInvariant();
        var (k, f) = (Normal(key), Normal(field));
        return k == f || f.StartsWith(k + ".", StringComparison.Ordinal) || k.StartsWith(f + ".", StringComparison.Ordinal);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
