using TicketGrains.Grains.Hosting;

namespace TicketGrains.Api.Channels.Douyin;

/// <summary>The "ChannelSenders" section: how the Douyin and Weibo senders reach the platforms' send APIs.</summary>
public sealed class ChannelSenderOptions : IValidatableOptions
{
    public const string Section = "ChannelSenders";

    /// <summary>
    /// Let a channel's apiBaseUrl resolve to loopback, private or other non-public addresses. Off by default: the base
    /// address is a tenant's setting, and a tenant could otherwise make the cluster call its own internal services
    /// (SSRF). ./run.sh and the tests turn it on for a local platform double.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    public IEnumerable<string> Problems(string section) => [];
}
