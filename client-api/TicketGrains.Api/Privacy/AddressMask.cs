using System.Text.RegularExpressions;

namespace TicketGrains.Api.Privacy;

/// <summary>
/// Postal addresses, down to the district: <c>浙江省杭州市西湖区文三路 90 号</c> → <c>浙江省杭州市西湖区****</c>
/// (省 / 自治区 / 特别行政区, then 市 / 自治州 / 地区 / 盟, then 区 / 县 / 旗 / 市). English addresses lose their street
/// lines and every number: <c>1600 Amphitheatre Parkway, Mountain View, CA 94043, USA</c> →
/// <c>****, Mountain View, CA ****, USA</c>. An address whose shape is not recognised is hidden whole.
/// </summary>
public static partial class AddressMask
{
    public const string Hidden = "****";

    public static string Mask(string address)
    {
        var value = address.Trim();
        if (value.Length == 0)
        {
            return "";
        }

        var region = ChineseRegion().Match(value);
        if (region.Length > 0)
        {
            return region.Value + Hidden;
        }

        return value.Any(IsCjk) ? Hidden : MaskEnglish(value);
    }

    private static string MaskEnglish(string value)
    {
        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        // The street lines are everything up to the last part that looks like one; with none, the first part.
        var lastStreet = Array.FindLastIndex(parts, p => StreetLine().IsMatch(p));
        var kept = parts.Skip(Math.Max(lastStreet, 0) + 1).Select(p => Number().Replace(p, Hidden)).ToList();
        return kept.Count == 0 ? Hidden : string.Join(", ", [Hidden, .. kept]);
    }

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';

    /// <summary>The administrative prefix: province, prefecture and district (county), each optional, in that order.</summary>
    [GeneratedRegex(@"^(?:[\u4e00-\u9fff]{2,8}?(?:省|自治区|特别行政区))?(?:[^省市区县旗盟\s\d]{1,8}?(?:市|自治州|地区|盟))?(?:[^省市区县旗盟\s\d]{1,8}?(?:区|县|旗|市))?")]
    private static partial Regex ChineseRegion();

    [GeneratedRegex(@"(^\d|\b(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way|parkway|pkwy|court|ct|place|pl|flat|apt|apartment|unit|suite|floor|room|building|no)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex StreetLine();

    [GeneratedRegex(@"\S*\d\S*")]
    private static partial Regex Number();
}
