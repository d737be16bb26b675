namespace TicketGrains.Grains.Channels.Outbound;

/// <summary>Each reply's outcome has its own stream, "reply/{ticket}/{outbound message}": its version 1 is the outcome, recorded once.</summary>
public static class ReplyStreams
{
    public const string Prefix = "reply/";

    public static string For(Guid ticketId, Guid messageId) => $"{Prefix}{ticketId:D}/{messageId:D}";

    /// <summary>The ticket a reply stream belongs to; false for every other stream.</summary>
    public static bool TryTicketId(string streamId, out Guid ticketId)
    {
        ticketId = Guid.Empty;
        var rest = streamId.AsSpan();
        return rest.StartsWith(Prefix, StringComparison.Ordinal) && rest.Length > Prefix.Length + 36 && rest[Prefix.Length + 36] == '/'
            && Guid.TryParseExact(rest.Slice(Prefix.Length, 36), "D", out ticketId);
    }
}
