using TicketGrains.Abstractions.Catalog;
using TicketGrains.Api.Tickets;
using TicketGrains.Grains.Surges;

namespace TicketGrains.Api.Surges;

/// <summary>Checks the surge settings, naming each wrong member (<c>notice.zh</c>, <c>surgeQueue</c> …).</summary>
public static class SurgeSettingsValidator
{
    public const int MaxNoticeLength = 2000;

    public static SurgeSettings Validate(SurgeSettingsRequest request, FieldErrors errors)
    {
        var notice = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (language, text) in request.Notice ?? [])
        {
            if (!SurgeSettings.Languages.Contains(language))
            {
                errors.Add($"notice.{language}", $"A notice language is one of {string.Join(", ", SurgeSettings.Languages)}.");
            }
            else
            {
                // The notice is sent to customers as a public reply: the same text rules as a reply's body.
                var field = $"notice.{language}";
                TextRules.Check(errors, field, text, MaxNoticeLength, required: true, multiline: true);
                if (!errors.Has(field))
                {
                    notice[language] = text!;
                }
            }
        }

        var notify = request.NotifyCustomers ?? false;
        if (notify && notice.Count == 0 && !errors.Any)
        {
            errors.Add("notice", "notifyCustomers needs the notice's text in at least one language (zh, en).");
        }

        if (request.SurgeQueue is { } queue && !AgentIds.IsValid(queue))
        {
            errors.Add("surgeQueue", "A queue name is 1-64 letters, digits, '.', '_', '-' or '@'.");
        }

        return new SurgeSettings(request.OpenProblemTicket ?? false, notify, notice, request.SurgeQueue);
    }
}
