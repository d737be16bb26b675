using TicketGrains.Api.Channels.Douyin;
using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.Weibo;

/// <summary>
/// Weibo fan-service pushes to one account: the URL check (GET with echostr) and the message pushes (POST), JSON or, for
/// an account switched to it, the WeChat-compatible XML (<see cref="WeiboXmlPushReader"/>), all carrying signature =
/// SHA-1 of the sorted app secret, timestamp and nonce in the query.
/// </summary>
public sealed class WeiboAdapter : IChannelAdapter
{
    public const string ChannelType = "weibo";

    public string Type => ChannelType;

    public IReadOnlyList<string> RequiredSettings { get; } = [WeiboSettings.AppSecret, WeiboSettings.ApiBaseUrl];

    public InboundOutcome Handle(InboundRequest request, IReadOnlyDictionary<string, string> settings)
    {
        var isCheck = string.Equals(request.Method, "GET", StringComparison.OrdinalIgnoreCase);
        if (!isCheck && !string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return new InboundOutcome.Refused(405, "method", "Weibo sends GET for the URL check and POST for pushes.");
        }

        var timestamp = request.QueryValue("timestamp");
        if (WeiboSettings.Value(settings, WeiboSettings.AppSecret) is not { } secret
            || !Signatures.Matches(Signatures.SortedSha1Hex(secret, timestamp ?? "", request.QueryValue("nonce") ?? ""), request.QueryValue("signature")))
        {
            return new InboundOutcome.Refused(401, "signature", "The signature does not match the app secret, timestamp and nonce.");
        }

        if (!PushTime.IsFresh(timestamp ?? "", request.ReceivedAt, out _, out var readable))
        {
            return readable
                ? new InboundOutcome.Refused(403, "timestamp", "The timestamp lies outside the replay window.")
                : new InboundOutcome.Refused(400, "timestamp", "timestamp is not a timestamp.");
        }

        if (!isCheck)
        {
            return WeiboXmlPushReader.IsXml(request.Body) ? WeiboXmlPushReader.Read(request.Body) : WeiboPushReader.Read(request.Body);
        }

        return request.QueryValue("echostr") is { Length: > 0 } echo
            ? new InboundOutcome.Verified(InboundAnswer.Text(echo))
            : new InboundOutcome.Refused(400, "echostr", "The URL check carries no echostr.");
    }
}
