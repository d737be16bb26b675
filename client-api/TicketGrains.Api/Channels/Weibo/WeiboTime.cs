using System.Globalization;
using System.Text.RegularExpressions;

namespace TicketGrains.Api.Channels.Weibo;

/// <summary>Weibo's created_at, written like "Mon Jul 16 18:09:20 +0800 2012" (an offset without a colon).</summary>
internal static partial class WeiboTime
{
    public static bool TryParse(string? text, out DateTimeOffset at)
    {
        at = default;
        if (text is null)
        {
            return false;
        }

        var withColon = OffsetWithoutColon().Replace(text.Trim(), "$1$2:$3");
        return DateTimeOffset.TryParseExact(withColon, ["ddd MMM dd HH:mm:ss zzz yyyy", "ddd MMM d HH:mm:ss zzz yyyy"],
            CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite, out at);
    }

    [GeneratedRegex(@"(?<=\s)([+-])(\d{2})(\d{2})(?=\s)")]
    private static partial Regex OffsetWithoutColon();
}
