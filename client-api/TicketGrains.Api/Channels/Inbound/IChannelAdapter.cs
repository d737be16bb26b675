namespace TicketGrains.Api.Channels.Inbound;

/// <summary>
/// One platform's inbound side: verifies a request (signature compared in constant time, timestamp within
/// <see cref="InboundLimits.ReplayWindow"/> of <see cref="InboundRequest.ReceivedAt"/>), decrypts it where the platform
/// encrypts, and normalises it. Pure: no storage, no network, no clock but the request's; the inbound endpoint does the
/// rest. One implementation per folder under Channels/.
/// </summary>
public interface IChannelAdapter
{
    /// <summary>The channel type it serves: wechat, wecom, douyin, weibo, email, web, app or phone.</summary>
    string Type { get; }

    /// <summary>
    /// The settings a channel of this type must have (token, appId, encodingAesKey, clientSecret …), checked when a
    /// channel is created or changed so a missing one is refused with its name.
    /// </summary>
    IReadOnlyList<string> RequiredSettings { get; }

    InboundOutcome Handle(InboundRequest request, IReadOnlyDictionary<string, string> settings);
}

/// <summary>Limits every adapter applies alike.</summary>
public static class InboundLimits
{
    /// <summary>A signed timestamp further than this from now is a replay (or a badly wrong clock) and is refused.</summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(5);

    /// <summary>The largest request body any platform's push needs; a larger one is refused before it is read whole.</summary>
    public const int MaxBodyBytes = 1024 * 1024;
}
