using System.Text.Json;
using System.Text.RegularExpressions;

namespace TicketGrains.Grains.Channels;

/// <summary>
/// Reads and validates a channel's <c>settings.threading</c> document; every wrong member is reported by its path
/// (<c>settings.threading.windowHours</c>). Members left out keep <see cref="ThreadingRule.Default"/>'s value.
/// </summary>
public static class ThreadingRuleReader
{
    private const string Path = "settings.threading";

    public static ThreadingRule? Read(JsonElement document, Action<string, string> error)
    {
        if (document.ValueKind != JsonValueKind.Object)
        {
            error(Path, "'threading' must be an object {windowHours, joinOn, orderPattern}.");
            return null;
        }

        var rule = ThreadingRule.Default;
        var valid = true;
        foreach (var member in document.EnumerateObject())
        {
            var field = $"{Path}.{member.Name}";
            switch (member.Name)
            {
                case "windowHours" when member.Value.TryGetInt32(out var hours) && hours is >= 1 and <= ThreadingRule.MaxWindowHours:
                    rule = rule with { WindowHours = hours };
                    break;
                case "windowHours":
                    valid = Fail(error, field, $"'windowHours' must be a whole number of hours from 1 to {ThreadingRule.MaxWindowHours}.");
                    break;
                case "joinOn" when JoinOn(member.Value) is { } joinOn:
                    rule = rule with { JoinOn = joinOn };
                    break;
                case "joinOn":
                    valid = Fail(error, field, $"'joinOn' must be a list of distinct rules out of: {string.Join(", ", ThreadingRule.Rules)} (empty: every message opens a ticket).");
                    break;
                case "orderPattern" when member.Value.ValueKind == JsonValueKind.String && IsPattern(member.Value.GetString()!):
                    rule = rule with { OrderPattern = member.Value.GetString()! };
                    break;
                case "orderPattern":
                    valid = Fail(error, field, "'orderPattern' must be a regular expression (at most 200 characters) that finds an order number in a message.");
                    break;
                default:
                    valid = Fail(error, field, $"Unknown member '{member.Name}'; known: windowHours, joinOn, orderPattern.");
                    break;
            }
        }

        return valid ? rule : null;
    }

    /// <summary>The rule of a stored, once validated document; the default when there is none.</summary>
    public static ThreadingRule Stored(string? json)
    {
        if (json is null)
        {
            return ThreadingRule.Default;
        }

        using var document = JsonDocument.Parse(json);
        return Read(document.RootElement, (_, _) => { }) ?? ThreadingRule.Default;
    }

    private static List<string>? JoinOn(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var rules = value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : "").ToList();
        return rules.All(ThreadingRule.Rules.Contains) && rules.Distinct(StringComparer.Ordinal).Count() == rules.Count ? rules : null;
    }

    private static bool IsPattern(string pattern)
    {
        if (pattern.Length is 0 or > 200)
        {
            return false;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool Fail(Action<string, string> error, string field, string message)
    {
        error(field, message);
        return false;
    }
}
