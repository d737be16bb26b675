using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.Web;

/// <summary>
/// A visitor's token: "{visitorId}.{expires (Unix seconds)}.{hex HMAC-SHA256 of "{visitorId}.{expires}" with the
/// channel's secret}". A browser cannot keep a secret, so the server hands each visitor one of these: it proves that
/// the server issued that visitor id, and nothing else. Messages and replies are bound to the visitor it names.
/// </summary>
public static class WebVisitorToken
{
    /// <summary>How long a token is good for; then the widget asks for a new one.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>How long after expiring a token still renews to a new token for the same visitor (their replies stay theirs).</summary>
    public static readonly TimeSpan RenewableFor = TimeSpan.FromDays(30);

    private const string Prefix = "wv_";

    /// <summary>A new visitor id: 128 random bits, URL-safe.</summary>
    public static string NewVisitorId() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Whether a text has the shape of a visitor id (a reply's recipient, the front of a platform message id).</summary>
    public static bool IsVisitorId(string? text) =>
        text is { Length: 25 } && text.StartsWith(Prefix, StringComparison.Ordinal) && text.AsSpan(Prefix.Length).IndexOfAnyExcept(UrlSafe) < 0;

    public static string Issue(string secret, string visitorId, DateTimeOffset expiresAt)
    {
        var signed = string.Create(CultureInfo.InvariantCulture, $"{visitorId}.{expiresAt.ToUnixTimeSeconds()}");
        return $"{signed}.{Mac(secret, signed)}";
    }

    /// <summary>What a presented token is: forged (or not a token at all), expired at some time, or valid.</summary>
    public static VisitorTokenCheck Check(string secret, string? token, DateTimeOffset now)
    {
        var parts = token?.Split('.') ?? [];
        if (parts.Length != 3 || !IsVisitorId(parts[0])
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253402300799
            || !Signatures.Matches(Mac(secret, $"{parts[0]}.{parts[1]}"), parts[2]))
        {
            return new VisitorTokenCheck(VisitorTokenState.Forged, null, default);
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return new VisitorTokenCheck(expiresAt <= now ? VisitorTokenState.Expired : VisitorTokenState.Valid, parts[0], expiresAt);
    }

    private static string Mac(string secret, string signed) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(signed)));

    private static readonly System.Buffers.SearchValues<char> UrlSafe =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
}
