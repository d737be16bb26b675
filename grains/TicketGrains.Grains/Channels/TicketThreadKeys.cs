namespace TicketGrains.Grains.Channels;

/// <summary>
/// A thread key that names a ticket itself, <c>ticket:&lt;id&gt;</c>: what a channel gives when the message says which
/// ticket it belongs to (an e-mail subject's ticket tag, or the reply of ours a mail answers).
/// </summary>
public static class TicketThreadKeys
{
    public const string Prefix = "ticket:";

    public static string For(Guid ticketId) => Prefix + ticketId.ToString("D");

    /// <summary>The ticket the key names, when it names one.</summary>
    public static Guid? TicketOf(string? threadKey) =>
        threadKey is not null && threadKey.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParse(threadKey.AsSpan(Prefix.Length), out var id)
            ? id
            : null;
}
