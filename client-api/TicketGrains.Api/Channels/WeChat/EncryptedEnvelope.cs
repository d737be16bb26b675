using System.Security.Cryptography;
using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.WeChat;

/// <summary>
/// An encrypted push of WeChat's safe mode or of WeCom: the body's <c>&lt;Encrypt&gt;</c>, signed by
/// <c>msg_signature = sha1(sort(token, timestamp, nonce, Encrypt))</c>, encrypted for one receiver (AppID or CorpID).
/// </summary>
public static class EncryptedEnvelope
{
    /// <summary>The decrypted XML of the push, after its signature, timestamp and receiver are checked.</summary>
    public static string Open(InboundRequest request, string token, string encodingAesKey, string receiverId)
    {
        var signature = CallbackChecks.RequiredQuery(request, "msg_signature");
        var timestamp = CallbackChecks.RequiredQuery(request, "timestamp");
        var nonce = CallbackChecks.RequiredQuery(request, "nonce");
        var encrypted = XmlFields.Parse(request.Body).Required("Encrypt");
        CallbackChecks.Signature("msg_signature", signature, token, timestamp, nonce, encrypted);
        CallbackChecks.Fresh(request, timestamp);
        return Decrypt("Encrypt", encrypted, encodingAesKey, receiverId);
    }

    /// <summary>
    /// Decrypts a signed ciphertext and checks it was made for this receiver: a message for another account, encrypted
    /// with the same key, is refused (401) like a bad signature.
    /// </summary>
    public static string Decrypt(string field, string encrypted, string encodingAesKey, string receiverId)
    {
        WeChatPlaintext plain;
        try
        {
            plain = new WeChatCrypto(encodingAesKey).Decrypt(encrypted);
        }
        catch (CryptographicException e)
        {
            throw InboundRefusal.Malformed(field, $"{field} cannot be decrypted with the channel's encodingAesKey: {e.Message}");
        }

        return plain.ReceiverId == receiverId
            ? plain.Message
            : throw new InboundRefusal(401, field, $"{field} was encrypted for another account than this channel's.");
    }
}
