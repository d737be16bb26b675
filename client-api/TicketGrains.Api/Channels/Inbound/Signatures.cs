using System.Security.Cryptography;
using System.Text;

namespace TicketGrains.Api.Channels.Inbound;

/// <summary>Signature helpers every adapter shares: the comparison must not leak how many leading characters matched.</summary>
public static class Signatures
{
    /// <summary>Lower-case hex SHA-1 of the UTF-8 text.</summary>
    public static string Sha1Hex(string text) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Lower-case hex SHA-1 of the parts sorted ordinally and joined without separator (WeChat, WeCom, Weibo).</summary>
    public static string SortedSha1Hex(params string[] parts)
    {
        var sorted = parts.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return Sha1Hex(string.Concat(sorted));
    }

    /// <summary>Constant-time comparison of two signatures as text, ignoring the case of hex digits.</summary>
    public static bool Matches(string expected, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expected.ToLowerInvariant()), Encoding.ASCII.GetBytes(given.Trim().ToLowerInvariant()));

    /// <summary>Whether a platform's timestamp (seconds since the epoch) lies within the replay window of now.</summary>
    public static bool IsFresh(string? unixSeconds, DateTimeOffset now, out DateTimeOffset at)
    {
        at = default;
        if (!long.TryParse(unixSeconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            || seconds > 253402300799)
        {
            return false;
        }

        at = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return (at - now).Duration() <= InboundLimits.ReplayWindow;
    }
}
