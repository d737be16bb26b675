namespace TicketGrains.Api.Channels;

/// <summary>The types of channel a tenant can configure; each has its adapter folder under Channels/.</summary>
public static class ChannelTypes
{
    public static readonly IReadOnlyList<string> All = ["wechat", "wecom", "douyin", "weibo", "email", "web", "app", "phone"];

    /// <summary>The settings member that holds the threading rule (a document, not a secret).</summary>
    public const string ThreadingSetting = "threading";

    /// <summary>The inbound address of a channel, as every answer shows it.</summary>
    public static string InboundPath(Guid id) => $"/api/v1/channels/{id:D}/inbound";
}
