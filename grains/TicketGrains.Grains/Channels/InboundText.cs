using System.Globalization;
using System.Text;
using TicketGrains.Abstractions.Catalog;

namespace TicketGrains.Grains.Channels;

/// <summary>
/// The text an inbound message adds to a ticket: what the customer wrote, a voice note's recognised text, a readable
/// line for a location, link or event, a placeholder naming the media id for media (stored as the ticket's attachment
/// once fetched, ADR 0015).
/// </summary>
public static class InboundText
{
    public static string Of(string kind, InboundContent c)
    {
        var text = new StringBuilder(Line(kind, c));
        foreach (var file in c.Files)
        {
            // The file itself is an attachment of the ticket (AttachmentAdded), stored from the request (ADR 0015).
            text.Append(CultureInfo.InvariantCulture, $"\n[file {file.FileName} ({file.ContentType}, {file.Bytes} bytes)]");
        }

        var body = text.ToString().Trim();
        return body.Length <= TicketCatalog.MaxMessageLength ? body : body[..TicketCatalog.MaxMessageLength];
    }

    /// <summary>A subject for a ticket the message opens: the e-mail subject, else the start of its text.</summary>
    public static string Subject(string kind, InboundContent c)
    {
        var source = string.IsNullOrWhiteSpace(c.Subject) ? Line(kind, c) : c.Subject;
        var firstLine = source.Split('\n', 2)[0].Trim();
        return firstLine.Length <= MaxSubject ? firstLine : firstLine[..(MaxSubject - 1)] + "…";
    }

    private const int MaxSubject = 80;

    private static string Line(string kind, InboundContent c) => kind switch
    {
        "voice" => Written(c) ?? $"[voice message {Media(c)}, no recognised text]",
        "image" or "video" or "file" => Join($"[{kind} {Media(c)}]", Written(c)),
        "location" when c.Location is { } at => string.Create(CultureInfo.InvariantCulture,
            $"[location] {at.Label ?? "shared position"} ({at.Latitude:0.######}, {at.Longitude:0.######})"),
        "link" when c.Link is { } link => Join($"[link] {link.Title ?? link.Url}: {link.Url}", link.Description),
        "event" => $"[event] {c.EventName ?? "unnamed"}{(string.IsNullOrEmpty(c.EventKey) ? "" : " " + c.EventKey)}",
        _ => Written(c) ?? $"[{kind} message without text]",
    };

    private static string? Written(InboundContent c) => string.IsNullOrWhiteSpace(c.Text) ? null : c.Text.Trim();

    private static string Media(InboundContent c) => c.MediaId is { Length: > 0 } id ? "media " + id : c.MediaUrl ?? "without media id";

    private static string Join(string line, string? more) => string.IsNullOrWhiteSpace(more) ? line : line + "\n" + more.Trim();
}
