using System.Text.RegularExpressions;

namespace TicketGrains.Api.Channels.Email;

/// <summary>
/// The ticket tag a reply's subject carries (<c>[#0193…]</c>): it survives mail clients that drop In-Reply-To and
/// References, so a customer's answer finds its ticket even then.
/// </summary>
public static partial class EmailTicketReference
{
    /// <summary>The ticket a subject names, when it carries a tag.</summary>
    public static Guid? Find(string? subject)
    {
        var match = subject is null ? null : Tag().Match(subject);
        return match is { Success: true } && Guid.TryParse(match.Groups["id"].Value, out var id) ? id : null;
    }

    /// <summary>The tag for a ticket, as replies put it at the end of their subject.</summary>
    public static string Tag(Guid ticketId) => $"[#{ticketId:D}]";

    /// <summary>The subject without its ticket tags.</summary>
    public static string Strip(string subject) => Tag().Replace(subject, "").Trim();

    [GeneratedRegex(@"\[#(?<id>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\]")]
    private static partial Regex Tag();
}
