using System.Globalization;
using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.Douyin;

/// <summary>Platform timestamps in seconds or milliseconds since the epoch (Douyin's create_time has 13 digits).</summary>
internal static class PushTime
{
    /// <summary>Values above this are milliseconds: as seconds they would lie past the year 5000.</summary>
    private const long LargestSeconds = 99_999_999_999;

    /// <summary>The last second <see cref="DateTimeOffset"/> can hold (the end of year 9999).</summary>
    private const long MaxSeconds = 253_402_300_799;

    /// <summary>
    /// Reads <paramref name="unix"/> and tells whether it lies within <see cref="InboundLimits.ReplayWindow"/> of
    /// <paramref name="now"/>; <paramref name="readable"/> is false when it is no timestamp at all.
    /// </summary>
    public static bool IsFresh(string unix, DateTimeOffset now, out DateTimeOffset at, out bool readable)
    {
        at = default;
        readable = long.TryParse(unix, NumberStyles.None, CultureInfo.InvariantCulture, out var value);
        if (!readable)
        {
            return false;
        }

        var seconds = value > LargestSeconds ? value / 1000 : value;
        readable = seconds <= MaxSeconds;
        if (!readable)
        {
            return false;
        }

        at = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return (at - now).Duration() <= InboundLimits.ReplayWindow;
    }
}
