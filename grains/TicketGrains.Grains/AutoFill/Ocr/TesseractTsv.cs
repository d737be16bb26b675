using System.Globalization;
using System.Text;

namespace TicketGrains.Grains.AutoFill.Ocr;

/// <summary>
/// Reads tesseract's TSV output: the words in their lines (a line break between lines, a space between words) and the
/// mean word confidence (0..1), or null when no word was found. Chinese has no spaces between words, but chi_sim
/// splits a line into words all the same: two words that meet at Chinese characters (or full-width punctuation) join
/// without a space, so "订单 编号：" reads as the "订单编号：" the field labels are written as.
/// </summary>
public static class TesseractTsv
{
    public static (string Text, double Confidence)? Parse(string tsv)
    {
        var text = new StringBuilder();
        var confidences = new List<double>();
        (string, string, string, string)? line = null;
        foreach (var row in tsv.Split('\n').Skip(1))
        {
            var cells = row.TrimEnd('\r').Split('\t');
            if (cells.Length < 12 || cells[0] != "5" || string.IsNullOrWhiteSpace(cells[11])
                || !double.TryParse(cells[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence) || confidence < 0)
            {
                continue;
            }

            var here = (cells[1], cells[2], cells[3], cells[4]);
            var word = cells[11].Trim();
            if (line is not null)
            {
                if (line != here)
                {
                    text.Append('\n');
                }
                else if (!(IsWide(text[^1]) && IsWide(word[0])))
                {
                    text.Append(' ');
                }
            }

            line = here;
            text.Append(word);
            confidences.Add(confidence / 100);
        }

        return confidences.Count == 0 ? null : (text.ToString(), confidences.Average());
    }

    /// <summary>A CJK ideograph, or CJK or full-width punctuation: characters written without spaces between them.</summary>
    private static bool IsWide(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u3000' and <= '\u303F')
        or (>= '\uFF00' and <= '\uFFEF');
}
