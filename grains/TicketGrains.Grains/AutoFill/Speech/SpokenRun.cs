namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>
/// Reads one run of number words as the digits a speaker meant: digit by digit ("three eight eight" 388), with repeats
/// ("double five" 55), as cardinals ("nine hundred" 900, "two thousand and five" 2005) and as pairs ("three eighty five"
/// 385, "nineteen eighty four" 1984), with "dash" kept as "-".
/// </summary>
public static class SpokenRun
{
    public static string Read(IReadOnlyList<string> words)
    {
        var digits = new System.Text.StringBuilder();
        var i = 0;
        while (i < words.Count)
        {
            var word = words[i];
            if (SpokenWords.Separators.Contains(word))
            {
                digits.Append('-');
                i++;
            }
            else if (SpokenWords.Repeats.TryGetValue(word, out var times) && i + 1 < words.Count && Digit(words[i + 1]) is { } repeated)
            {
                digits.Append(repeated, times);
                i += 2;
            }
            else if (IsLiteral(word))
            {
                digits.Append(word);
                i++;
            }
            else
            {
                var (value, used) = Cardinal(words, i);
                if (used == 0)
                {
                    // Only the run finder's words arrive here; "and" or a stray repeat at an edge adds nothing.
                    i++;
                    continue;
                }

                digits.Append(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                i += used;
            }
        }

        return digits.ToString();
    }

    /// <summary>The digit a word or a one-digit literal stands for ("double 5" is as good as "double five").</summary>
    private static char? Digit(string word) =>
        SpokenWords.Digits.TryGetValue(word, out var digit) ? (char)('0' + digit)
        : word.Length == 1 && char.IsAsciiDigit(word[0]) ? word[0]
        : null;

    public static bool IsLiteral(string word) => word.Length > 0 && word.All(char.IsAsciiDigit);

    /// <summary>
    /// The number starting at <paramref name="start"/>: a lone digit stays one digit (digit strings are read one by one),
    /// a digit or a pair before "hundred" or "thousand" multiplies.
    /// </summary>
    private static (long Value, int Used) Cardinal(IReadOnlyList<string> words, int start)
    {
        var (value, used) = BelowThousand(words, start);
        if (used == 0)
        {
            return (0, 0);
        }

        if (At(words, start + used, SpokenWords.Thousand))
        {
            used++;
            var (rest, restUsed) = AfterMultiplier(words, start + used);
            return (value * 1000 + rest, used + restUsed);
        }

        return (value, used);
    }

    private static (long Value, int Used) BelowThousand(IReadOnlyList<string> words, int start)
    {
        var (value, used) = BelowHundred(words, start);
        if (used == 0 || !At(words, start + used, SpokenWords.Hundred))
        {
            return (value, used);
        }

        used++;
        var (rest, restUsed) = AfterMultiplier(words, start + used);
        return (value * 100 + rest, used + restUsed);
    }

    /// <summary>What follows "hundred" or "thousand": an optional "and", then a number below a hundred (or hundreds after a thousand).</summary>
    private static (long Value, int Used) AfterMultiplier(IReadOnlyList<string> words, int start)
    {
        var skip = At(words, start, "and") ? 1 : 0;
        var (value, used) = BelowThousand(words, start + skip);
        return used == 0 ? (0, 0) : (value, used + skip);
    }

    private static (long Value, int Used) BelowHundred(IReadOnlyList<string> words, int start)
    {
        if (start >= words.Count)
        {
            return (0, 0);
        }

        var word = words[start];
        if (SpokenWords.Tens.TryGetValue(word, out var tens))
        {
            return start + 1 < words.Count && SpokenWords.Digits.TryGetValue(words[start + 1], out var unit) && unit > 0 && !SpokenWords.IsZeroLetter(words[start + 1])
                ? (tens + unit, 2)
                : (tens, 1);
        }

        if (SpokenWords.Teens.TryGetValue(word, out var teen))
        {
            return (teen, 1);
        }

        return SpokenWords.Digits.TryGetValue(word, out var digit) ? (digit, 1) : (0, 0);
    }

    private static bool At(IReadOnlyList<string> words, int index, string word) =>
        index < words.Count && words[index].Equals(word, StringComparison.OrdinalIgnoreCase);
}
