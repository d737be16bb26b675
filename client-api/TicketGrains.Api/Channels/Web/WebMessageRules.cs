using System.Text.RegularExpressions;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.Web;

/// <summary>
/// Checks a widget's message and normalises it; the first wrong member is named. The platform message id is
/// "{visitorId}:{messageId}", so one visitor's ids never meet another's. A form's e-mail is the sender (the identity
/// its customer is found and linked by); a chat line's sender is the visitor. A chat keeps one conversation per
/// visitor; each form sent is a conversation of its own.
/// </summary>
public static partial class WebMessageRules
{
    public const int MaxName = 100;
    public const int MaxEmail = 254;
    public const int MaxSubject = 200;

    public static (InboundMessage? Message, string? Field, string? Detail) Normalise(WebMessage m, string visitorId, DateTimeOffset receivedAt)
    {
        var isForm = m.Subject is not null || m.Email is not null || m.Name is not null;
        string? problem = null;
        var field = "";
        void Check(string name, bool ok, string detail)
        {
            if (problem is null && !ok)
            {
                (field, problem) = (name, detail);
            }
        }

        Check("messageId", m.MessageId is not null && MessageId().IsMatch(m.MessageId), "'messageId' is required: the widget's id of the message, 8 to 64 letters, digits, '-' or '_'.");
        Check("message", !string.IsNullOrWhiteSpace(m.Message), "'message' is required.");
        Check("message", m.Message is null || m.Message.Length <= TicketCatalog.MaxMessageLength, $"'message' is longer than {TicketCatalog.MaxMessageLength} characters.");
        Check("name", !isForm || !string.IsNullOrWhiteSpace(m.Name), "The form needs 'name'.");
        Check("name", m.Name is null || m.Name.Length <= MaxName, $"'name' is longer than {MaxName} characters.");
        Check("email", !isForm || m.Email is not null, "The form needs 'email'.");
        Check("email", m.Email is null || (m.Email.Length <= MaxEmail && Email().IsMatch(m.Email)), "'email' is not an e-mail address (name@domain).");
        Check("subject", !isForm || !string.IsNullOrWhiteSpace(m.Subject), "The form needs 'subject'.");
        Check("subject", m.Subject is null || m.Subject.Length <= MaxSubject, $"'subject' is longer than {MaxSubject} characters.");
        if (problem is not null)
        {
            return (null, field, problem);
        }

        return (new InboundMessage
        {
            PlatformMessageId = $"{visitorId}:{m.MessageId}",
            SenderId = isForm ? m.Email!.Trim().ToLowerInvariant() : visitorId,
            SenderName = m.Name?.Trim(),
            Kind = InboundKinds.Text,
            SentAt = receivedAt,
            Text = m.Message!.Trim(),
            Subject = m.Subject?.Trim(),
            ThreadKey = isForm ? $"form:{visitorId}:{m.MessageId}" : $"chat:{visitorId}",
        }, null, null);
    }

    /// <summary>The visitor a platform message id (a reply's InReplyTo) belongs to; null when it is no web message id.</summary>
    public static string? VisitorOf(string? platformMessageId)
    {
        var colon = platformMessageId?.IndexOf(':') ?? -1;
        return colon > 0 && WebVisitorToken.IsVisitorId(platformMessageId![..colon]) ? platformMessageId[..colon] : null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex MessageId();

    [GeneratedRegex(@"^[^@\s<>()\[\],;:""]+@[^@\s<>()\[\],;:""]+\.[^@\s<>()\[\],;:""]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Email();
}
