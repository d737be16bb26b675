using System.Text;

namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>
/// Rewrites the numbers in a transcript as digits so the field extractors read a spoken order number as if it had been
/// typed: "my order is J D three eight eight double five" becomes "my order is JD38855". Only runs of number words are
/// rewritten; a lone small number ("I ordered two") and ordinary words stay as they were.
/// </summary>
public static class SpokenNumbers
{
    public static string Normalise(string transcript)
    {
        var tokens = SpokenToken.Split(transcript);
        var output = new List<string>(tokens.Count);
        var i = 0;
        while (i < tokens.Count)
        {
            var end = RunEnd(tokens, i);
            if (end > i && IsWorthDigits(tokens, i, end))
            {
                var prefix = LetterPrefix(tokens, i, output);
                var digits = SpokenRun.Read(tokens.Skip(i).Take(end - i).Select(t => t.Word).ToList());
                output.Add(tokens[prefix.First].Leading + prefix.Letters + digits + tokens[end - 1].Trailing);
                i = end;
            }
            else
            {
                output.Add(tokens[i].ToString());
                i++;
            }
        }

        return string.Join(' ', output);
    }

    /// <summary>The end (exclusive) of the run of number words starting at <paramref name="start"/>; <paramref name="start"/> when none starts there.</summary>
    private static int RunEnd(List<SpokenToken> tokens, int start)
    {
        if (!Starts(tokens, start))
        {
            return start;
        }

        var end = start + 1;
        while (end < tokens.Count && !tokens[end - 1].EndsClause && Continues(tokens, end))
        {
            // A comma splits groups of a number read digit by digit ("one three eight, one two three four"), else the run.
            if (tokens[end - 1].HasComma && !(IsSingleDigit(tokens[end - 1].Word) && IsSingleDigit(tokens[end].Word)))
            {
                break;
            }

            end++;
        }

        return end;
    }

    private static bool Starts(List<SpokenToken> tokens, int i)
    {
        var word = tokens[i].Word;
        return SpokenWords.IsNumber(word) && !IsMultiplier(word)
            || SpokenRun.IsLiteral(word) && Continues(tokens, i + 1)
            || (SpokenWords.IsZeroLetter(word) || SpokenWords.Repeats.ContainsKey(word)) && NextIsDigitWord(tokens, i);
    }

    /// <summary>Whether the word at <paramref name="i"/> carries on the run before it.</summary>
    private static bool Continues(List<SpokenToken> tokens, int i)
    {
        if (i >= tokens.Count)
        {
            return false;
        }

        var word = tokens[i].Word;
        if (SpokenWords.IsNumber(word) || SpokenWords.IsZeroLetter(word) || SpokenRun.IsLiteral(word))
        {
            return true;
        }

        if (SpokenWords.Repeats.ContainsKey(word))
        {
            return NextIsDigitWord(tokens, i);
        }

        if (SpokenWords.Separators.Contains(word))
        {
            return i + 1 < tokens.Count && (SpokenWords.IsNumber(tokens[i + 1].Word) || SpokenRun.IsLiteral(tokens[i + 1].Word) || Starts(tokens, i + 1));
        }

        // "nine hundred and twelve": "and" belongs to the number only right after a multiplier.
        return word.Equals("and", StringComparison.OrdinalIgnoreCase) && IsMultiplier(tokens[i - 1].Word)
            && i + 1 < tokens.Count && SpokenWords.IsNumber(tokens[i + 1].Word) && !IsMultiplier(tokens[i + 1].Word);
    }

    /// <summary>A run becomes digits when it holds two words or more, or one number of two digits or more ("fifteen").</summary>
    private static bool IsWorthDigits(List<SpokenToken> tokens, int start, int end) =>
        end - start >= 2 || SpokenRun.IsLiteral(tokens[start].Word) || !SpokenWords.Digits.ContainsKey(tokens[start].Word);

    /// <summary>
    /// Letters spoken right before the number ("J D", "ess eff", with or without a dash) are its prefix: taken back from
    /// the output, upper case, joined to the digits.
    /// </summary>
    private static (int First, string Letters) LetterPrefix(List<SpokenToken> tokens, int runStart, List<string> output)
    {
        var first = runStart;
        var letters = new StringBuilder();
        var dash = runStart > 0 && SpokenWords.Separators.Contains(tokens[runStart - 1].Word) ? 1 : 0;
        var i = runStart - 1 - dash;
        while (i >= 0 && SpokenWords.Letter(tokens[i].Word) is { } letter && !tokens[i].EndsClause && !tokens[i].HasComma)
        {
            letters.Insert(0, letter);
            first = i;
            i--;
        }

        if (letters.Length == 0)
        {
            return (runStart, "");
        }

        output.RemoveRange(output.Count - (runStart - first), runStart - first);
        return (first, letters + (dash == 1 ? "-" : ""));
    }

    private static bool NextIsDigitWord(List<SpokenToken> tokens, int i) =>
        i + 1 < tokens.Count && !tokens[i].EndsClause && (SpokenWords.IsDigit(tokens[i + 1].Word) || SpokenRun.IsLiteral(tokens[i + 1].Word));

    private static bool IsSingleDigit(string word) => SpokenWords.IsDigit(word) || (word.Length == 1 && char.IsAsciiDigit(word[0]));

    private static bool IsMultiplier(string word) =>
        word.Equals(SpokenWords.Hundred, StringComparison.OrdinalIgnoreCase) || word.Equals(SpokenWords.Thousand, StringComparison.OrdinalIgnoreCase);
}
