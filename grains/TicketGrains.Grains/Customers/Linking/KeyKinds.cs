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
    /// Channels whose identity is an account on a platform: two different accounts of one platform are two persons far
    /// more often than one person's. Not e-mail or phone (one person has several addresses and numbers), nor the web
    /// widget (a visitor is a browser).
    /// </summary>
    private static readonly HashSet<string> Platforms = new(["wechat", "wecom", "douyin", "weibo", "app"], StringComparer.Ordinal);

    private const string AccountPrefix = "account:";

    /// <summary>The kind of a platform account's key ("account:wechat"), or null when the channel is no platform.</summary>
    public static string? AccountOn(string channel) => Platforms.Contains(channel) ? AccountPrefix + channel : null;

    /// <summary>
    /// Whether the kind is a platform account: recorded so that the linker knows a customer's platforms, never evidence
    /// of who is writing (an identity's account is its own customer's, whoever else wrote from it before an erasure).
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
        _ when IsAccount(kind) => $"{kind[AccountPrefix.Length..]} account",
        _ => kind,
    };
}
