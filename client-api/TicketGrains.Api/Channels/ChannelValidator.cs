using System.Text.Json;
using System.Text.RegularExpressions;
using TicketGrains.Api.Tickets;
using TicketGrains.Grains.Channels;

namespace TicketGrains.Api.Channels;

/// <summary>
/// Checks a channel request: a known type, a name, and settings with every setting the type's adapter requires, each a
/// non-empty text, named in camelCase; <c>settings.threading</c> is the threading rule document. Each wrong member is
/// named (<c>settings.token</c>, <c>settings.threading.windowHours</c>).
/// </summary>
public static partial class ChannelValidator
{
    public const int MaxName = 100;
    public const int MaxSettings = 32;
    public const int MaxSettingLength = 4096;

    public static ValidChannel? Validate(ChannelRequest request, ChannelAdapters adapters, FieldErrors errors)
    {
        TextRules.Check(errors, "type", request.Type, 16, required: true);
        TextRules.OneOf(errors, "type", request.Type, ChannelTypes.All);
        TextRules.Check(errors, "name", request.Name, MaxName, required: true);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        string? threading = null;
        if (request.Settings is not { ValueKind: JsonValueKind.Object } document)
        {
            errors.Add("settings", "'settings' is required: an object of the channel's credentials, e.g. {\"secret\": \"...\"}.");
            return null;
        }

        foreach (var member in document.EnumerateObject())
        {
            var field = "settings." + member.Name;
            if (member.Name == ChannelTypes.ThreadingSetting)
            {
                threading = ThreadingRuleReader.Read(member.Value, errors.Add) is null ? null : member.Value.GetRawText();
            }
            else if (!SettingName().IsMatch(member.Name))
            {
                errors.Add(field, "A setting name is camelCase: a letter, then letters and digits (at most 64).");
            }
            else if (member.Value.ValueKind != JsonValueKind.String || member.Value.GetString() is not { Length: > 0 and <= MaxSettingLength } value)
            {
                errors.Add(field, $"'{member.Name}' must be a non-empty text of at most {MaxSettingLength} characters.");
            }
            else
            {
                settings[member.Name] = value;
            }
        }

        if (settings.Count > MaxSettings)
        {
            errors.Add("settings", $"A channel has at most {MaxSettings} settings.");
        }

        if (request.Type is { } type && ChannelTypes.All.Contains(type))
        {
            foreach (var required in adapters.RequiredSettings(type).Where(r => !document.TryGetProperty(r, out _)))
            {
                errors.Add("settings." + required, $"'{required}' is required for a {type} channel.");
            }
        }

        return errors.Any ? null : new ValidChannel(request.Type!, request.Name!, settings, threading);
    }

    [GeneratedRegex("^[a-z][A-Za-z0-9]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex SettingName();
}
