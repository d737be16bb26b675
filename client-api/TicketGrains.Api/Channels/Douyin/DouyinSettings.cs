namespace TicketGrains.Api.Channels.Douyin;

/// <summary>The settings keys of a Douyin channel and the platform paths the sender uses unless a channel overrides them.</summary>
internal static class DouyinSettings
{
    public const string ClientKey = "clientKey";
    public const string ClientSecret = "clientSecret";
    public const string ApiBaseUrl = "apiBaseUrl";

    /// <summary>
    /// Optional: the shop account's own open_id, sent as the send API's open_id query parameter; events it sent itself
    /// (an agent recalling a message) are then told apart from the customer's and store nothing.
    /// </summary>
    public const string AccountOpenId = "openId";

    /// <summary>Optional: the private-message send path (unconfirmed against Douyin's documentation, hence configurable).</summary>
    public const string SendPath = "sendPath";

    /// <summary>Optional: the client-credential token path.</summary>
    public const string TokenPath = "tokenPath";

    public const string DefaultSendPath = "/im/send/msg/";
    public const string DefaultTokenPath = "/oauth/client_token/";

    public static string? Value(IReadOnlyDictionary<string, string> settings, string key) =>
        settings.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
