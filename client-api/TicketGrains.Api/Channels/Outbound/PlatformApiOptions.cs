using TicketGrains.Grains.Hosting;

namespace TicketGrains.Api.Channels.Outbound;

/// <summary>
/// The "PlatformApis" section: how every call to a platform's server API is made (WeChat and WeCom tokens, sync_msg and
/// send_msg, the Douyin and Weibo send APIs), one setting for all of them.
/// </summary>
public sealed class PlatformApiOptions : IValidatableOptions
{
    public const string Section = "PlatformApis";

    /// <summary>
    /// Let a channel's apiBaseUrl resolve to loopback, private or other non-public addresses. Off by default: the base
    /// address is a tenant's setting, and a tenant could otherwise make the cluster call its own internal services
    /// (SSRF). ./run.sh and the tests that stand a platform up on 127.0.0.1 turn it on.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>How long one platform call may take; a slower one fails and is retried (sends) or repeated (pulls).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<string> Problems(string section)
    {
        if (Timeout < TimeSpan.FromMilliseconds(100) || Timeout > TimeSpan.FromSeconds(60))
        {
            yield return $"{section}:Timeout must be between 00:00:00.100 and 00:01:00, not {Timeout}.";
        }
    }
}
