using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Infrastructure;

namespace TicketGrains.Api.Channels.App;

/// <summary>
/// The shop's own mobile app (type <c>app</c>) and its phone system posting voice notes (type <c>phone</c>, the caller's
/// number as <c>userId</c>): a JSON <see cref="AppMessage"/> signed with HMAC-SHA256 over "{timestamp}.{body}" with the
/// channel's <c>secret</c>, in the headers <see cref="TimestampHeader"/> (Unix seconds) and <see cref="SignatureHeader"/>
/// (lower-case hex). The platform message id is the app's <c>messageId</c>.
/// </summary>
public sealed class AppChannelAdapter(string type) : IChannelAdapter
{
    public const string App = "app";
    public const string Phone = "phone";
    public const string TimestampHeader = "X-TicketGrains-Timestamp";
    public const string SignatureHeader = "X-TicketGrains-Signature";
    public const string SecretSetting = "secret";

    public string Type => type;

    public IReadOnlyList<string> RequiredSettings { get; } = [SecretSetting];

    public InboundOutcome Handle(InboundRequest request, IReadOnlyDictionary<string, string> settings)
    {
        if (request.Method != "POST")
        {
            return new InboundOutcome.Refused(400, "method", $"A {type} channel takes messages by POST only.");
        }

        var timestamp = request.Header(TimestampHeader);
        if (timestamp is null)
        {
            return new InboundOutcome.Refused(401, TimestampHeader, $"The {TimestampHeader} header is missing: the signature cannot be checked.");
        }

        if (!Signatures.Matches(Sign(settings[SecretSetting], timestamp, request.Body), request.Header(SignatureHeader)))
        {
            return new InboundOutcome.Refused(401, SignatureHeader, "The signature does not match HMAC-SHA256 of \"{timestamp}.{body}\" with the channel's secret.");
        }

        if (!Signatures.IsFresh(timestamp, request.ReceivedAt, out _))
        {
            return new InboundOutcome.Refused(403, TimestampHeader, $"The timestamp is more than {InboundLimits.ReplayWindow.TotalMinutes:0} minutes from now: a replay is refused.");
        }

        return Read(request.Body) switch
        {
            (null, var field, var detail) => new InboundOutcome.Refused(400, field!, detail!),
            (var message, _, _) => new InboundOutcome.Accepted([message!], InboundAnswer.Json("{\"received\":true}")),
        };
    }

    /// <summary>The signature a sender computes: lower-case hex HMAC-SHA256 of "{timestamp}.{body}".</summary>
    public static string Sign(string secret, string timestamp, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    private (InboundMessage? Message, string? Field, string? Detail) Read(byte[] body)
    {
        AppMessage? m;
        try
        {
            m = JsonSerializer.Deserialize<AppMessage>(body, JsonBody.Options);
        }
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return (null, path, "The body must be a JSON message {messageId, userId, kind, text, sentAt, ...}: " + e.Message);
        }

        return m is null ? (null, "body", "The body must be a JSON object.") : AppMessageRules.Normalise(m, type);
    }
}
