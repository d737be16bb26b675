using TicketGrains.Grains.Hosting;

namespace TicketGrains.Api.Channels.WeChat;

/// <summary>The "WeChatApi" section: how WeChat's and WeCom's server APIs are called (token, sync_msg, send).</summary>
public sealed class WeChatApiOptions : IValidatableOptions
{
    public const string Section = "WeChatApi";

    /// <summary>
    /// Let a channel's apiBaseUrl resolve to loopback, private or other non-public addresses. Off by default: a tenant
    /// who configures channels could otherwise make the cluster call its own internal services (SSRF). Tests that stand
    /// a platform up on 127.0.0.1 turn it on.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>How long one platform call may take; a slower one fails and is retried later (sends) or the pull repeated.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<string> Problems(string section)
    {
        if (Timeout < TimeSpan.FromMilliseconds(100) || Timeout > TimeSpan.FromSeconds(60))
        {
            yield return $"{section}:Timeout must be between 00:00:00.100 and 00:01:00, not {Timeout}.";
        }
    }
}
