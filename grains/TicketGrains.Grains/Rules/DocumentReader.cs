using System.Text.Json;

namespace TicketGrains.Grains.Rules;

/// <summary>Reads rule and template documents strictly: an unknown member or a wrong type is a problem at its pointer.</summary>
public static class DocumentReader
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 16,
    };

    public static T? Read<T>(string json, List<RuleProblem> problems)
        where T : class
    {
        try
        {
            var document = JsonSerializer.Deserialize<T>(json, Options);
            if (document is null)
            {
                problems.Add(new RuleProblem("", "The document must be a JSON object."));
            }

            return document;
        }
        catch (JsonException e)
        {
            problems.Add(new RuleProblem(JsonPointer.FromJsonPath(e.Path), FirstSentence(e.Message)));
            return null;
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }
}
