namespace TicketGrains.Grains.AutoFill.Fields;

/// <summary>
/// The provincial-level divisions of China as addresses write them: the full name ("浙江省", "广西壮族自治区",
/// "北京市") and the short one ("浙江", "广西", "北京") that addresses and OCR'd order pages often use instead.
/// </summary>
public static class Regions
{
    public static readonly IReadOnlyList<string> Municipalities = ["北京", "天津", "上海", "重庆"];

    public static readonly IReadOnlyList<string> Provinces =
    [
        "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南",
        "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾",
    ];

    public static readonly IReadOnlyList<(string Short, string Full)> Autonomous =
    [
        ("内蒙古", "内蒙古自治区"), ("广西", "广西壮族自治区"), ("西藏", "西藏自治区"), ("宁夏", "宁夏回族自治区"),
        ("新疆", "新疆维吾尔自治区"), ("香港", "香港特别行政区"), ("澳门", "澳门特别行政区"),
    ];

    /// <summary>Every way a province-level division is written, longest first so "广西壮族自治区" wins over "广西".</summary>
    public static readonly IReadOnlyList<string> Written =
    [
        .. Municipalities.SelectMany(m => new[] { m + "市", m }),
        .. Provinces.SelectMany(p => new[] { p + "省", p }),
        .. Autonomous.SelectMany(a => new[] { a.Full, a.Short + "自治区", a.Short }),
    ];

    public static bool IsMunicipality(string written) => Municipalities.Any(written.StartsWith);
}
