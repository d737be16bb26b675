using System.Text.RegularExpressions;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.Rules;

/// <summary>Fills {{ticket.x}}, {{fields.x}} and {{event.x}} in a reply; an unknown placeholder becomes empty.</summary>
public static partial class ReplyTemplate
{
    [GeneratedRegex(@"\{\{\s*(ticket|fields|event)\.([A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex Placeholder();

    public static string Render(string template, TicketState ticket, IReadOnlyDictionary<string, string> attributes) =>
        Placeholder().Replace(template, m => m.Groups[1].Value switch
        {
            "fields" => ticket.Fields.GetValueOrDefault(m.Groups[2].Value) ?? "",
            "event" => attributes.GetValueOrDefault(m.Groups[2].Value) ?? "",
            _ => m.Groups[2].Value switch
            {
                "id" => ticket.Id.ToString("D"),
                "subject" => ticket.Subject,
                "status" => ticket.Status,
                "priority" => ticket.Priority,
                "queue" => ticket.Queue,
                _ => "",
            },
        });
}
