using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.Douyin;

/// <summary>
/// Douyin open-platform webhooks to one app: the verify_webhook challenge and the private-message events, each push
/// verified by X-Douyin-Signature (hex SHA-1 of the client secret followed by the raw body).
/// </summary>
public sealed class DouyinAdapter : IChannelAdapter
{
    public const string ChannelType = "douyin";
    public const string SignatureHeader = "X-Douyin-Signature";

    public string Type => ChannelType;

    public IReadOnlyList<string> RequiredSettings { get; } = [DouyinSettings.ClientKey, DouyinSettings.ClientSecret, DouyinSettings.ApiBaseUrl];

    public InboundOutcome Handle(InboundRequest request, IReadOnlyDictionary<string, string> settings)
    {
        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return new InboundOutcome.Refused(405, "method", "Douyin pushes are POST requests.");
        }

        // Without a secret the expected signature would be the SHA-1 of the body alone, which anyone can compute.
        if (DouyinSettings.Value(settings, DouyinSettings.ClientSecret) is not { } secret
            || !Signatures.Matches(Sign(secret, request.Body), request.Header(SignatureHeader)))
        {
            return new InboundOutcome.Refused(401, SignatureHeader, "The signature does not match the body and the channel's client secret.");
        }

        JsonDocument document;
        try
        {
            document = PushJson.Parse(request.Body);
        }
        catch (JsonException)
        {
            return new InboundOutcome.Refused(400, "body", "The body is not JSON.");
        }

        using (document)
        {
            return Read(document.RootElement, request, settings);
        }
    }

    /// <summary>Lower-case hex SHA-1 over the secret's UTF-8 bytes followed by the body's bytes exactly as received.</summary>
    public static string Sign(string clientSecret, byte[] body)
    {
        var secret = Encoding.UTF8.GetBytes(clientSecret);
        var signed = new byte[secret.Length + body.Length];
        secret.CopyTo(signed, 0);
        body.CopyTo(signed, secret.Length);
        return Convert.ToHexStringLower(SHA1.HashData(signed));
    }

    private static InboundOutcome Read(JsonElement root, InboundRequest request, IReadOnlyDictionary<string, string> settings)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new InboundOutcome.Refused(400, "body", "The body is not a JSON object.");
        }

        if (PushJson.Text(root, "event") is not { } eventName)
        {
            return new InboundOutcome.Refused(400, "event", "The push names no event.");
        }

        var clientKey = PushJson.Text(root, "client_key");
        if (eventName == "verify_webhook")
        {
            // Douyin's documented verification request carries an empty client_key: only a present one is checked.
            return clientKey is not null && clientKey != DouyinSettings.Value(settings, DouyinSettings.ClientKey)
                ? WrongClientKey()
                : DouyinChallenge.Answer(root);
        }

        return clientKey != DouyinSettings.Value(settings, DouyinSettings.ClientKey)
            ? WrongClientKey()
            : DouyinEventReader.Read(eventName, root, request, DouyinSettings.Value(settings, DouyinSettings.AccountOpenId));
    }

    private static InboundOutcome.Refused WrongClientKey() =>
        new(403, "client_key", "The push is addressed to another Douyin app than this channel's clientKey.");
}
