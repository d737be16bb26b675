namespace TicketGrains.Abstractions.Catalog;

/// <summary>Capacity is counted per kind of channel: an agent can hold many e-mails, a few chats, one call.</summary>
public static class ChannelKinds
{
    public const string Email = "email";
    public const string Chat = "chat";
    public const string Voice = "voice";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Email, Chat, Voice };

    public static string Of(string channel) => channel switch
    {
        "email" or "api" => Email,
        "phone" => Voice,
        _ => Chat,
    };
}
