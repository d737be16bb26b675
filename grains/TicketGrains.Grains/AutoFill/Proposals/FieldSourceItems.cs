using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Attachments;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.AutoFill.Proposals;

/// <summary>
/// What fields can be read from in a ticket event: the opening subject and text, a public message of the customer, an
/// image (OCR) or voice note (transcript or speech reader). Agents' replies, internal notes, automatic mail (an
/// out-of-office reply quotes whatever it answers) and other files hold none of the customer's order.
/// </summary>
public static class FieldSourceItems
{
    /// <summary>The ticket event types that may hold something to read: what the pipeline subscriber selects by header.</summary>
    public static readonly IReadOnlySet<string> EventTypes =
        new HashSet<string>([nameof(TicketCreated), nameof(MessageAdded), nameof(AttachmentAdded)], StringComparer.Ordinal);

    public static FieldSourceItem? Of(IDomainEvent e) => e switch
    {
        TicketCreated c => Text(c.Subject + "\n" + c.Body, c.Inbound),
        MessageAdded { Author: TicketDecisions.Customer, Internal: false, Inbound: null or { Automatic: null } } m => Text(m.Body, m.Inbound),
        AttachmentAdded a when a.ContentType.StartsWith("image/", StringComparison.Ordinal) =>
            new FieldSourceItem(FieldSourceKinds.Image, AttachmentId: a.AttachmentId, ContentType: a.ContentType),
        AttachmentAdded a when a.ContentType.StartsWith("audio/", StringComparison.Ordinal) =>
            new FieldSourceItem(FieldSourceKinds.Voice, AttachmentId: a.AttachmentId, ContentType: a.ContentType, Transcript: a.Transcript),
        _ => null,
    };

    private static FieldSourceItem? Text(string text, InboundOrigin? inbound) => string.IsNullOrWhiteSpace(text)
        ? null
        : new FieldSourceItem(FieldSourceKinds.Text, Text: text, InboundMessage: inbound?.Message, InboundKind: inbound?.Kind);
}
