using System.Text.RegularExpressions;

namespace TicketGrains.Grains.AutoFill.Fields;

/// <summary>
/// The major carriers of mainland China and their tracking-number formats as printed on waybills and order pages. Only
/// EMS / China Post (UPU S10) publishes a check digit; the others' numbers are told apart by prefix and length alone.
/// </summary>
public static partial class Carriers
{
    public static readonly Carrier SF = new("SF", ["顺丰速运", "顺丰快递", "顺丰", "SF Express", "S.F. Express", "ShunFeng", "SF快递"],
        SfPrefixed(), SfDigits());

    public static readonly Carrier Yto = new("YTO", ["圆通速递", "圆通快递", "圆通", "YTO Express", "YTO", "Yuantong"], YtoPrefixed(), YtoDigits());

    public static readonly Carrier Zto = new("ZTO", ["中通快递", "中通", "ZTO Express", "ZTO", "Zhongtong"], null, ZtoDigits());

    public static readonly Carrier Sto = new("STO", ["申通快递", "申通", "STO Express", "STO", "Shentong"], null, StoDigits());

    public static readonly Carrier Yunda = new("Yunda", ["韵达快递", "韵达速递", "韵达", "Yunda Express", "Yunda"], null, YundaDigits());

    public static readonly Carrier Jd = new("JD", ["京东物流", "京东快递", "京东配送", "JD Logistics", "JD Express", "JDL"], JdPrefixed(), null);

    public static readonly Carrier JAndT = new("J&T", ["极兔速递", "极兔快递", "极兔", "J&T Express", "J&T", "JT Express", "Jitu"],
        JtPrefixed(), null);

    public static readonly Carrier Ems = new("EMS", ["中国邮政", "邮政快递", "邮政包裹", "邮政", "EMS", "E邮宝", "China Post", "China Postal"],
        UpuPrefixed(), EmsDigits());

    public static readonly Carrier Deppon = new("Deppon", ["德邦快递", "德邦物流", "德邦", "Deppon Express", "Deppon", "Debang"],
        DepponPrefixed(), DepponDigits());

    public static readonly IReadOnlyList<Carrier> All = [SF, Yto, Zto, Sto, Yunda, Jd, JAndT, Ems, Deppon];

    /// <summary>The one carrier whose own (lettered) format the number is, or null.</summary>
    public static Carrier? OwnerOf(string number) => All.FirstOrDefault(c => c.OwnsFormat(number));

    /// <summary>The carriers whose all-digit formats the number fits.</summary>
    public static IReadOnlyList<Carrier> FittingDigits(string number) => All.Where(c => c.FitsDigits(number)).ToList();

    [GeneratedRegex(@"^SF\d{12,13}$")]
    private static partial Regex SfPrefixed();

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex SfDigits();

    [GeneratedRegex(@"^YT\d{12,13}$")]
    private static partial Regex YtoPrefixed();

    [GeneratedRegex(@"^(?:[89]\d{9}|[89]\d{11})$")]
    private static partial Regex YtoDigits();

    [GeneratedRegex(@"^(?:7[0-9]\d{10}|7[0-9]\d{12}|[56]\d{11})$")]
    private static partial Regex ZtoDigits();

    [GeneratedRegex(@"^(?:77\d{10,11}|(?:268|368|468|568|668|868|888|900)\d{9})$")]
    private static partial Regex StoDigits();

    [GeneratedRegex(@"^(?:(?:1[0-9]|3[0-9]|4[0-9]|5[0-9])\d{11}|\d{15})$")]
    private static partial Regex YundaDigits();

    [GeneratedRegex(@"^JD[A-Z]{0,2}\d{11,13}(?:-\d{1,2}-\d{1,2}-?)?$")]
    private static partial Regex JdPrefixed();

    [GeneratedRegex(@"^JT\d{13}$")]
    private static partial Regex JtPrefixed();

    [GeneratedRegex(@"^[A-Z]{2}\d{9}[A-Z]{2}$")]
    private static partial Regex UpuPrefixed();

    [GeneratedRegex(@"^(?:1\d{12}|9\d{12})$")]
    private static partial Regex EmsDigits();

    [GeneratedRegex(@"^DPK\d{12,13}$")]
    private static partial Regex DepponPrefixed();

    [GeneratedRegex(@"^\d{10}$")]
    private static partial Regex DepponDigits();
}
