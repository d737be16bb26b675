namespace TicketGrains.Grains.Customers.Linking;

/// <summary>
/// The kinds of strong key that link a contact to a customer. An order number and an e-mail address belong to one
/// person and decide a link on their own; a phone number is often shared (a family's, a shop's front desk), so it only
/// confirms what another key decided, or leads to a proposal.
/// </summary>
public static class KeyKinds
{
    public const string Order = "order";
    public const string Phone = "phone";
    public const string Email = "email";

    public static readonly IReadOnlyList<string> All = [Order, Phone, Email];

    /// <summary>
    /// Channel types whose identity is an account on a platform: two different accounts writing to one channel (one
    /// official account, one app) are two persons far more often than one person's. Not e-mail or phone (one person has
    /// several addresses and numbers), nor the web widget (a visitor is a browser).
    /// </summary>
    private static readonly HashSet<string> Platforms = new(["wechat", "wecom", "douyin", "weibo", "app"], StringComparer.Ordinal);

    private const string AccountPrefix = "account:";

    /// <summary>
    /// The kind of an account's key on one channel ("account:wechat:{channel id}"), or null when the channel type is no
    /// platform. By channel, not by type: a WeChat OpenID is per official account, so one person writing to a shop's two
    /// official accounts has two of them.
    /// </summary>
    public static string? AccountOn(string channelType, Guid channelId) =>
        Platforms.Contains(channelType) ? $"{AccountPrefix}{channelType}:{channelId:N}" : null;

    /// <summary>
    /// Whether the kind is an account on a channel: recorded so that the linker knows which channels a customer writes
    /// from, never evidence of who is writing (an identity's account is its own customer's, whoever else wrote from it
    /// before an erasure).
    /// </summary>
    public static bool IsAccount(string kind) => kind.StartsWith(AccountPrefix, StringComparison.Ordinal);

    /// <summary>Whether a key of this kind may link a contact to a customer without another key agreeing.</summary>
    public static bool Decides(string kind) => kind is Order or Email;

    /// <summary>How a reason names the kind: "order number", "phone number", "e-mail address".</summary>
    public static string Describe(string kind) => kind switch
    {
        Order => "order number",
        Phone => "phone number",
        Email => "e-mail address",
        _ when IsAccount(kind) => $"{kind.Split(':')[1]} account on the same channel",
        _ => kind,
    };
}
