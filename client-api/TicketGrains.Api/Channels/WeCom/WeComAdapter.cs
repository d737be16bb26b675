using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.WeChat;

namespace TicketGrains.Api.Channels.WeCom;

/// <summary>
/// WeCom customer-service callbacks. Everything WeCom sends is encrypted for the corp, the URL check's echostr too.
/// The <c>kf_msg_or_event</c> callback carries no message, only a signal to pull one with sync_msg: it is accepted
/// with a pull for its customer-service account when that is this channel's. Other callback events are acknowledged
/// and stored nowhere.
/// </summary>
public sealed class WeComAdapter : IChannelAdapter
{
    public string Type => "wecom";

    public IReadOnlyList<string> RequiredSettings { get; } =
        [WeComSettings.Token, WeComSettings.EncodingAesKey, WeComSettings.CorpId, WeComSettings.Secret, WeComSettings.OpenKfId];

    public InboundOutcome Handle(InboundRequest request, IReadOnlyDictionary<string, string> settings)
    {
        try
        {
            var token = CallbackChecks.RequiredSetting(settings, WeComSettings.Token);
            var key = CallbackChecks.RequiredSetting(settings, WeComSettings.EncodingAesKey);
            var corpId = CallbackChecks.RequiredSetting(settings, WeComSettings.CorpId);
            return HttpMethods.IsGet(request.Method)
                ? Verify(request, token, key, corpId)
                : Receive(XmlFields.Parse(EncryptedEnvelope.Open(request, token, key, corpId)), settings);
        }
        catch (InboundRefusal refusal)
        {
            return refusal.Outcome;
        }
    }

    private static InboundOutcome.Verified Verify(InboundRequest request, string token, string key, string corpId)
    {
        var signature = CallbackChecks.RequiredQuery(request, "msg_signature");
        var timestamp = CallbackChecks.RequiredQuery(request, "timestamp");
        var nonce = CallbackChecks.RequiredQuery(request, "nonce");
        var echo = CallbackChecks.RequiredQuery(request, "echostr");
        CallbackChecks.Signature("msg_signature", signature, token, timestamp, nonce, echo);
        CallbackChecks.Fresh(request, timestamp);
        return new InboundOutcome.Verified(InboundAnswer.Text(EncryptedEnvelope.Decrypt("echostr", echo, key, corpId)));
    }

    private static InboundOutcome.Accepted Receive(XmlFields xml, IReadOnlyDictionary<string, string> settings)
    {
        if (xml.RequiredName("MsgType") != "event" || xml.RequiredName("Event") != "kf_msg_or_event")
        {
            return new InboundOutcome.Accepted([], InboundAnswer.Success);
        }

        var token = xml.RequiredName("Token");
        var account = CallbackChecks.RequiredSetting(settings, WeComSettings.OpenKfId);
        // One callback address serves every customer-service account of the corp; this channel pulls only its own.
        var signalled = xml.OptionalName("OpenKfId") ?? account;
        return new InboundOutcome.Accepted([], InboundAnswer.Success)
        {
            Pulls = signalled == account ? [new PullSignal(token, account)] : [],
        };
    }
}
