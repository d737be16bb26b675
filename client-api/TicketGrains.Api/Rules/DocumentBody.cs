using System.Text.Json;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Tickets;
using TicketGrains.Grains.Rules;

namespace TicketGrains.Api.Rules;

/// <summary>Reads a rule or template document as sent (it is stored verbatim) and turns its problems into one 400.</summary>
public static class DocumentBody
{
    public static Task<string> ReadAsync(HttpRequest request) => JsonBody.ReadTextAsync(request);

    /// <summary>
    /// Every string of the document, names included, is text a reply or an agent may show: control, direction-override
    /// and broken characters are refused where they are, as in every other request.
    /// </summary>
    public static List<RuleProblem> CheckText(string document)
    {
        var problems = new List<RuleProblem>();
        try
        {
            using var json = JsonDocument.Parse(document);
            Walk(json.RootElement, "", problems);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            // Not JSON, or a string that does not decode: the strict reader names where.
        }

        return problems;
    }

    private static void Walk(JsonElement element, string at, List<RuleProblem> problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var here = JsonPointer.Append(at, property.Name);
                    Check(property.Name, here, problems);
                    Walk(property.Value, here, problems);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, JsonPointer.Append(at, i++), problems);
                }

                break;
            case JsonValueKind.String:
                Check(element.GetString()!, at, problems);
                break;
        }
    }

    private static void Check(string text, string at, List<RuleProblem> problems)
    {
        if (TextRules.HasControlCharacters(text, allowNewlines: true) || TextRules.HasDeceptiveOrBrokenCharacters(text))
        {
            problems.Add(new RuleProblem(at, "Text may not hold control, direction-override or broken characters."));
        }
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
