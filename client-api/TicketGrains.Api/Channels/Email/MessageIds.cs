using System.Diagnostics.CodeAnalysis;

namespace TicketGrains.Api.Channels.Email;

/// <summary>Which ids of a customer's mails can go into a reply's In-Reply-To and References headers.</summary>
public static class MessageIds
{
    /// <summary>
    /// A Message-ID the mail carried. Not the hash a mail without one is stored under (<see cref="EmailMessageReader.HashIdPrefix"/>):
    /// no mail client knows that id, and naming it would thread the reply under nothing.
    /// </summary>
    public static bool IsHeaderId([NotNullWhen(true)] string? id) =>
        !string.IsNullOrWhiteSpace(id) && !id.StartsWith(EmailMessageReader.HashIdPrefix, StringComparison.Ordinal);
}
