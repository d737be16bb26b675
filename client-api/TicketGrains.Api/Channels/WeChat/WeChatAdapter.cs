using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.WeChat;

/// <summary>
/// WeChat Official Account pushes: the URL check (GET with echostr) and the XML messages and events, in plaintext or
/// in safe mode. A channel with an encodingAesKey accepts encrypted pushes only: the plain <c>signature</c> covers
/// the query alone, never the body, so a plaintext push is authenticated much more weakly. A channel without one reads
/// the plaintext half of a compatible-mode push.
/// </summary>
public sealed class WeChatAdapter : IChannelAdapter
{
    public string Type => "wechat";

    public IReadOnlyList<string> RequiredSettings { get; } = [WeChatSettings.Token, WeChatSettings.AppId, WeChatSettings.AppSecret];

    public InboundOutcome Handle(InboundRequest request, IReadOnlyDictionary<string, string> settings)
    {
        try
        {
            var token = CallbackChecks.RequiredSetting(settings, WeChatSettings.Token);
            return HttpMethods.IsGet(request.Method) ? Verify(request, token) : Receive(request, token, settings);
        }
        catch (InboundRefusal refusal)
        {
            return refusal.Outcome;
        }
    }

    private static InboundOutcome.Verified Verify(InboundRequest request, string token)
    {
        var echo = CallbackChecks.RequiredQuery(request, "echostr");
        CheckPlainSignature(request, token);
        return new InboundOutcome.Verified(InboundAnswer.Text(echo));
    }

    private static InboundOutcome.Accepted Receive(InboundRequest request, string token, IReadOnlyDictionary<string, string> settings)
    {
        var encrypted = request.QueryValue("encrypt_type") == "aes";
        settings.TryGetValue(WeChatSettings.EncodingAesKey, out var key);
        XmlFields xml;
        if (!string.IsNullOrEmpty(key))
        {
            if (!encrypted)
            {
                throw new InboundRefusal(401, "encrypt_type", "This channel runs in safe mode: the push must be encrypted (encrypt_type=aes).");
            }

            xml = XmlFields.Parse(EncryptedEnvelope.Open(request, token, key, CallbackChecks.RequiredSetting(settings, WeChatSettings.AppId)));
        }
        else
        {
            CheckPlainSignature(request, token);
            xml = XmlFields.Parse(request.Body);
            // Compatible mode sends the plaintext fields beside <Encrypt> so that a receiver reading plaintext keeps
            // working while safe mode is set up; only a push with nothing but <Encrypt> needs the key.
            if (encrypted && xml.Optional("MsgType") is null)
            {
                throw InboundRefusal.Malformed("encrypt_type", "The push is encrypted but the channel has no encodingAesKey to decrypt it.");
            }
        }

        return new InboundOutcome.Accepted(WeChatMessageReader.Read(xml) is { } message ? [message] : [], InboundAnswer.Success);
    }

    private static void CheckPlainSignature(InboundRequest request, string token)
    {
        var signature = CallbackChecks.RequiredQuery(request, "signature");
        var timestamp = CallbackChecks.RequiredQuery(request, "timestamp");
        var nonce = CallbackChecks.RequiredQuery(request, "nonce");
        CallbackChecks.Signature("signature", signature, token, timestamp, nonce);
        CallbackChecks.Fresh(request, timestamp);
    }
}
