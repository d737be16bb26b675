using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TicketGrains.Tests.Channels.Web;

/// <summary>
/// What the widget sends to a web channel, written from the channel's documented contract: JSON messages, and visitor
/// tokens "{visitorId}.{expires}.{hex HMAC-SHA256 of "{visitorId}.{expires}" with the channel's secret}", computed here
/// independently of the server's code. Shared with the integration tests.
/// </summary>
public static class WebRequests
{
    public const string Secret = "web-secret-0b7e4a9c2d5f8e1a3c6b9d2e";
    public const string ShopOrigin = "https://shop.example";
    public const string AllowedOrigins = "https://shop.example https://www.shop.example";
    public const string Visitor = "wv_AAECAwQFBgcICQoLDA0ODw";
    public const string OtherVisitor = "wv_8PHy8_T19vf4-fr7_P3-_w";

    public static Dictionary<string, string> Settings => new() { ["secret"] = Secret, ["allowedOrigins"] = AllowedOrigins };

    public static string Token(string visitorId, DateTimeOffset expiresAt, string secret = Secret)
    {
        var signed = string.Create(CultureInfo.InvariantCulture, $"{visitorId}.{expiresAt.ToUnixTimeSeconds()}");
        return $"{signed}.{Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(signed)))}";
    }

    public static string Chat(string messageId, string message) => JsonSerializer.Serialize(new { messageId, message });

    public static string Form(string messageId, string name, string email, string subject, string message) =>
        JsonSerializer.Serialize(new { messageId, name, email, subject, message });
}
