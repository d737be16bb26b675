using System.Text.RegularExpressions;

namespace TicketGrains.Grains.AutoFill.Fields;

/// <summary>
/// The order-number formats of the platforms Chinese shops sell on. Pinduoduo's date-dash-serial is its own; Taobao /
/// Tmall (18-19 digits) and Douyin shop (19 digits, from 4, 5 or 6) are longer than any tracking or phone number; JD's
/// 11-12 digits collide with phones and tracking numbers, so they are taken only when the text speaks of JD.
/// </summary>
public static partial class OrderNumberFormats
{
    public static readonly OrderNumberFormat Pinduoduo = new("pinduoduo", PinduoduoPattern(), 0.9);
    public static readonly OrderNumberFormat Douyin = new("douyin", DouyinPattern(), 0.75);
    public static readonly OrderNumberFormat Taobao = new("taobao", TaobaoPattern(), 0.7);
    public static readonly OrderNumberFormat Long = new("long-digits", LongPattern(), 0.5);
    public static readonly OrderNumberFormat Jd = new("jd", JdPattern(), 0.55);

    /// <summary>Formats that stand on their own shape, tried in this order (JD's is not among them).</summary>
    public static readonly IReadOnlyList<OrderNumberFormat> Platforms = [Pinduoduo, Douyin, Taobao, Long];

    /// <summary>A shop's own format from configuration: a regular expression the whole number must match.</summary>
    public static OrderNumberFormat Tenant(string pattern) =>
        new("tenant", new Regex($"^(?:{pattern})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50)), 0.85);

    /// <summary>Whether the text mentions JD as the shop, so that an 11-12 digit number may be its order number.</summary>
    public static bool SpeaksOfJd(string text) => JdShop().IsMatch(text);

    [GeneratedRegex(@"^\d{6}-\d{15}$")]
    private static partial Regex PinduoduoPattern();

    [GeneratedRegex(@"^[456]\d{18}$")]
    private static partial Regex DouyinPattern();

    [GeneratedRegex(@"^\d{18,19}$")]
    private static partial Regex TaobaoPattern();

    [GeneratedRegex(@"^\d{16,17}$|^\d{20,24}$")]
    private static partial Regex LongPattern();

    [GeneratedRegex(@"^\d{11,12}$")]
    private static partial Regex JdPattern();

    [GeneratedRegex(@"京东|jd\.com|\bJD\b", RegexOptions.IgnoreCase)]
    private static partial Regex JdShop();
}
