using System.Globalization;
using System.Text;

namespace TicketGrains.Grains.AutoFill.Ocr;

/// <summary>
/// Reads tesseract's TSV output: the words in their lines (a line break between lines, a space between words) and the
/// mean word confidence (0..1), or null when no word was found.
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
            if (line is not null)
            {
                text.Append(line == here ? ' ' : '\n');
            }

            line = here;
            text.Append(cells[11].Trim());
            confidences.Add(confidence / 100);
        }

        return confidences.Count == 0 ? null : (text.ToString(), confidences.Average());
    }
}
