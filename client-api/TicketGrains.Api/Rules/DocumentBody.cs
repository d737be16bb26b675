using System.Text.Json;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Tickets;
using TicketGrains.Grains.Rules;

namespace TicketGrains.Api.Rules;

/// <summary>Reads a rule or template document as sent (it is stored verbatim) and turns its problems into one 400.</summary>
public static class DocumentBody
{
    public static async Task<string> ReadAsync(HttpRequest request)
    {
        if (!request.HasJsonContentType())
        {
            throw new BadHttpRequestException("The body must be JSON (Content-Type: application/json).", StatusCodes.Status415UnsupportedMediaType);
        }

        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
    }

    /// <summary>A 400 whose errors are keyed by the JSON pointer of each bad clause ("" is the whole document).</summary>
    public static void ThrowIfAny(List<RuleProblem> problems)
    {
        var errors = new FieldErrors();
        foreach (var problem in problems)
        {
            errors.Add(problem.Pointer, problem.Message);
        }

        ValidationFailed.ThrowIfAny(errors);
    }

    /// <summary>A stored document as a JSON value in a response.</summary>
    public static JsonElement AsJson(string document)
    {
        using var json = JsonDocument.Parse(document);
        return json.RootElement.Clone();
    }
}
