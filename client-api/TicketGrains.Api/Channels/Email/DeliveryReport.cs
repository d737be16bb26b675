using MimeKit;

namespace TicketGrains.Api.Channels.Email;

/// <summary>
/// A delivery status notification (RFC 3464: <c>multipart/report; report-type=delivery-status</c>) read for what the
/// e-mail channel needs: the mail it reports on (the Message-ID of the returned <c>message/rfc822</c> or
/// <c>text/rfc822-headers</c> part, else the report's own In-Reply-To and References), and its first recipient whose
/// <c>Action</c> is <c>failed</c> (else its first recipient): status and diagnostic. Pure.
/// </summary>
public sealed record DeliveryReport(IReadOnlyList<string> ReportedMessageIds, string? Action, string? Status, string? Diagnostic)
{
    /// <summary>Whether the report says the mail was not delivered (and will not be): RFC 3464's action <c>failed</c>.</summary>
    public bool Failed => Action == "failed";

    /// <summary>Why, as a reply's delivery shows it: "bounced: 5.1.1 smtp; 550 5.1.1 … User unknown".</summary>
    public string Reason
    {
        get
        {
            var why = string.Join(" ", new[] { Status, Diagnostic }.Where(part => !string.IsNullOrWhiteSpace(part)));
            return why.Length == 0 ? "bounced: the delivery report gave no status" : "bounced: " + why;
        }
    }

    /// <summary>The report the mail is, or null when it is no delivery status notification.</summary>
    public static DeliveryReport? Of(MimeMessage message)
    {
        if (message.Body is not MultipartReport report || !string.Equals(report.ReportType, "delivery-status", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var recipients = report.OfType<MessageDeliveryStatus>().SelectMany(status => status.StatusGroups.Skip(1)).ToList();
        var recipient = recipients.FirstOrDefault(group => Word(group["Action"]) == "failed") ?? recipients.FirstOrDefault();
        return new DeliveryReport(Reported(message, report), Word(recipient?["Action"]), Clean(recipient?["Status"]), Clean(recipient?["Diagnostic-Code"]));
    }

    /// <summary>The returned mail's Message-ID first, then what the report itself answers, newest first.</summary>
    private static List<string> Reported(MimeMessage message, MultipartReport report)
    {
        var returned = report.OfType<MessagePart>().Select(part => part.Message?.MessageId).Where(id => !string.IsNullOrEmpty(id)).Cast<string>();
        return [.. returned.Concat(EmailThreading.Answered(message).Reverse()).Distinct(StringComparer.Ordinal)];
    }

    private static string? Word(string? value) => Clean(value)?.ToLowerInvariant();

    private static string? Clean(string? value)
    {
        var folded = value is null ? null : string.Join(" ", value.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return string.IsNullOrEmpty(folded) ? null : folded;
    }
}
