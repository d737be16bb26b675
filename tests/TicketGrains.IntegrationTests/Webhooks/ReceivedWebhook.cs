using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TicketGrains.IntegrationTests.Webhooks;

/// <summary>One request the receiver got, and the status code it answered.</summary>
public sealed record ReceivedWebhook(string? Id, string? Timestamp, string? Signature, string Body, int Answered)
{
    public bool Accepted => Answered is >= 200 and < 300;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Type => Json.GetProperty("type").GetString()!;

    public Guid TicketId => Json.GetProperty("data").GetProperty("ticketId").GetGuid();

    public int Version => Json.GetProperty("data").GetProperty("version").GetInt32();

    /// <summary>
    /// Whether one of the space-separated signatures is "v1," + base64 HMAC-SHA256 of "{id}.{timestamp}.{body}" keyed with
    /// the secret's base64 part decoded: the Standard Webhooks check, written here from the specification, not the product.
    /// </summary>
    public bool SignedWith(string secret)
    {
        Assert.StartsWith("whsec_", secret);
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Id}.{Timestamp}.{Body}")));
        return Id is not null && Timestamp is not null && (Signature ?? "").Split(' ').Contains(expected);
    }

    /// <summary>Seconds between the webhook-timestamp and now (receivers reject more than 5 minutes).</summary>
    public double SkewSeconds => Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - long.Parse(Timestamp!, System.Globalization.CultureInfo.InvariantCulture));
}
