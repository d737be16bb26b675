using System.Globalization;

namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>
/// Reads pocketsphinx_continuous's output with <c>-time yes</c>: per utterance a hypothesis line, then one line per
/// segment "word start end posterior". Silences, noises, sentence marks and a grammar's empty steps are left out; "word(2)" (the dictionary's
/// second pronunciation) is the word.
/// </summary>
public static class DecoderOutput
{
    public static List<TimedWord> Words(string output)
    {
        var words = new List<TimedWord>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 4
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var start)
                || !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var end)
                || !double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var posterior))
            {
                continue;
            }

            var word = parts[0];
            var alternative = word.IndexOf('(', StringComparison.Ordinal);
            word = alternative > 0 ? word[..alternative] : word;
            // "(NULL)" is a grammar's empty step, "<sil>" and "[NOISE]" what the model heard between words.
            if (word.Length == 0 || word[0] is '<' or '[' or '(')
            {
                continue;
            }

            words.Add(new TimedWord(word, start, end, Math.Clamp(posterior, 0, 1)));
        }

        return words;
    }
}
