using System.Text.RegularExpressions;

namespace TicketGrains.Grains.AutoFill.Fields;

/// <summary>
/// Chinese postal addresses, recognised down to the district: a province-level division (or a municipality), a city
/// (市 / 自治州 / 地区 / 盟), a district or county (区 / 县 / 旗 / 市), then the street part up to the end of the
/// line, a comma, a name after a space, or the recipient's phone. Province, city and district together are near-certain; a province and city
/// alone, or a label ("收货地址") with less, are weaker. The value is the address without inner spaces.
/// </summary>
public static partial class Addresses
{
    private static readonly string Provinces = string.Join("|", Regions.Written.OrderByDescending(w => w.Length));

    private static readonly Regex Shape = new(
        @"(?<label>(?:收货|配送|寄件|送货|收件)?地址\s*[:：]?\s*)?(?<province>" + Provinces + @")(?![省市])"
        + @"(?:\s?(?<city>[\u4e00-\u9fff]{1,7}?(?:自治州|地区|盟|市)))?(?:\s?(?<district>[\u4e00-\u9fff]{1,7}?(?:区|县|旗|市)(?![场政])))?"
        // The street part: a space only beside a digit ("文三路 90 号"), never before the recipient's phone; "90号 李雷"
        // ends at the name, and punctuation or a line break ends it too.
        + @"\s?(?<street>(?:[\u4e00-\u9fffA-Za-z0-9\-#]|\s(?=\d)(?!(?:\+?86)?1[3-9]\d{9}(?!\d))|(?<=\d)\s(?=[\u4e00-\u9fffA-Za-z]))*)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));

    public static IEnumerable<ExtractedField> Find(string text, string source)
    {
        foreach (Match match in Shape.Matches(text))
        {
            var district = match.Groups["district"].Success;
            // A municipality is its own city, but "上海" alone in a sentence is no address: it needs its district.
            var city = match.Groups["city"].Success || (district && Regions.IsMunicipality(match.Groups["province"].Value));
            var labelled = match.Groups["label"].Success;
            if (!city && !labelled)
            {
                continue;
            }

            var confidence = (city, district, labelled) switch
            {
                (true, true, true) => 0.95,
                (true, true, false) => 0.9,
                (true, false, true) => 0.7,
                (true, false, false) => 0.55,
                _ => 0.5,
            };
            var start = match.Groups["province"].Index;
            var value = Whitespace().Replace(text[start..(match.Index + match.Length)], "");
            yield return new ExtractedField(FieldNames.Address, value, confidence, source, start, match.Index + match.Length - start);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
