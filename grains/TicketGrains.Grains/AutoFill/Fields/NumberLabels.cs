using System.Text.RegularExpressions;

namespace TicketGrains.Grains.AutoFill.Fields;

/// <summary>
/// The label that ends right before a number on its line: "订单号：", "Order No.", "order number is", "运单号", "快递单号", "Tracking No:",
/// "手机" … A bare "单号" is a tracking number's label, as Chinese shops use it; "订单号" ends in it but is read first.
/// </summary>
public static partial class NumberLabels
{
    /// <summary>How far back a label is looked for: long enough for "快递单号（顺丰）：".</summary>
    private const int Window = 24;

    public static NumberLabel Before(string text, int start)
    {
        var from = Math.Max(0, start - Window);
        var window = text[from..start];
        var lineStart = window.LastIndexOfAny(['\n', '\r']);
        if (lineStart >= 0)
        {
            window = window[(lineStart + 1)..];
        }

        if (Order().IsMatch(window))
        {
            return NumberLabel.OrderNo;
        }

        if (Tracking().IsMatch(window))
        {
            return NumberLabel.TrackingNo;
        }

        return Phone().IsMatch(window) ? NumberLabel.Phone : NumberLabel.None;
    }

    // What joins a label to its number: a note in brackets, a colon or "#", and the copula of either language ("订单号是",
    // "order number is"), which is how a customer says it, and how speech comes out, having no punctuation at all.
    private const string Joint = @"\s*(?:[（(][^）)]{0,10}[）)])?\s*(?:[:：#＃]|是|为|no\.?)?\s*(?:(?:是|为)|(?<=\s)(?:is|was|=)\s*:?)?\s*$";

    [GeneratedRegex(@"(?:订单编号|订单号码|订单号|订单ID|订单|order\s*(?:no\.?|number|num|id|#)|order)" + Joint, RegexOptions.IgnoreCase)]
    private static partial Regex Order();

    [GeneratedRegex(@"(?:运单号码|运单编号|运单号|运单|快递单号|快递编号|快递号|物流单号|物流编号|物流号|包裹号|单号|tracking\s*(?:no\.?|number|num|id|#)?|waybill\s*(?:no\.?|number)?|awb)" + Joint,
        RegexOptions.IgnoreCase)]
    private static partial Regex Tracking();

    [GeneratedRegex(@"(?:手机号码|手机号|手机|电话号码|联系电话|电话|联系方式|tel|phone|mobile|cell)\s*(?:no\.?|number)?" + Joint, RegexOptions.IgnoreCase)]
    private static partial Regex Phone();
}
