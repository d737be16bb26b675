using System.Globalization;
using System.Text.RegularExpressions;

namespace TicketGrains.Grains.AutoFill.Fields;

/// <summary>
/// Money amounts: ¥ / RMB / CNY before a number (and "Y", OCR's usual reading of ¥), 元 / 块 / RMB after it, or a total's label ("实付", "合计",
/// "Total:") before a bare number. What is paid outweighs what merely costs: a total's label makes an amount
/// near-certain, a discount's or shipping's makes it unlikely to be the one meant. The value has two decimals.
/// </summary>
public static partial class Amounts
{
    public static IEnumerable<ExtractedField> Find(string text, string source)
    {
        foreach (Match match in Money().Matches(text))
        {
            var number = match.Groups["number"].Value.Replace(",", "", StringComparison.Ordinal);
            if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount == 0)
            {
                continue;
            }

            var label = match.Groups["label"];
            var marked = match.Groups["before"].Success || match.Groups["after"].Success;
            if (!label.Success && !marked)
            {
                continue;
            }

            var confidence = label.Success ? LabelConfidence(label.Value, marked) : match.Groups["before"].Success ? 0.7 : 0.6;
            var start = label.Success ? label.Index : match.Groups["amount"].Index;
            yield return new ExtractedField(FieldNames.Amount, amount.ToString("0.00", CultureInfo.InvariantCulture), confidence, source,
                start, match.Index + match.Length - start);
        }
    }

    private static double LabelConfidence(string label, bool marked) =>
        Lesser().IsMatch(label) ? 0.3 : Total().IsMatch(label) ? (marked ? 0.95 : 0.85) : marked ? 0.8 : 0.5;

    [GeneratedRegex(@"实付|实收|合计|总计|总价|总额|总金额|应付|付款|支付|订单金额|退款|total|paid", RegexOptions.IgnoreCase)]
    private static partial Regex Total();

    [GeneratedRegex(@"运费|优惠|折扣|原价|单价|立减|红包|券|shipping|discount|coupon|unit|subtotal|freight", RegexOptions.IgnoreCase)]
    private static partial Regex Lesser();

    [GeneratedRegex(@"(?:(?<label>实付款|实付金额|实付|实收|合计|总计|总价|总额|总金额|应付金额|应付|付款金额|支付金额|订单金额|退款金额|金额|运费|优惠金额|优惠|折扣|原价|单价|立减|红包|grand\s*total|total\s*paid|total|amount\s*paid|amount|paid|subtotal|shipping|discount|price)\s*[:：]?\s*)?(?<amount>(?<before>[¥￥]|(?<![A-Za-z])Y(?=\s?\d)|RMB|CNY|人民币)?\s*(?<![\d.,])(?<number>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{1,9}(?:\.\d{1,2})?)(?![\d]|\.\d)\s*(?<after>元|块|RMB|CNY)?)",
        RegexOptions.IgnoreCase)]
    private static partial Regex Money();
}
