using System.Text.RegularExpressions;

namespace TicketGrains.Grains.AutoFill.Fields;

/// <summary>The number-like tokens of a shaped text, each at least <see cref="MinDigits"/> digits.</summary>
public static partial class NumberTokens
{
    public const int MinDigits = 6;

    public static IReadOnlyList<NumberToken> Find(string text)
    {
        var tokens = new List<NumberToken>();
        foreach (var match in Token().EnumerateMatches(text))
        {
            // Most tokens are words: only one that could hold enough digits once mended is copied out.
            var span = text.AsSpan(match.Index, match.Length);
            if (CouldBeDigits(span) < MinDigits)
            {
                continue;
            }

            var value = Mend(span.ToString().ToUpperInvariant());
            var token = new NumberToken(value, match.Index, match.Length);
            if (token.DigitCount >= MinDigits)
            {
                tokens.Add(token);
            }
        }

        return tokens;
    }

    /// <summary>Digits, and the letters <see cref="Mend"/> may read as digits: an upper bound of the mended digit count.</summary>
    private static int CouldBeDigits(ReadOnlySpan<char> token)
    {
        var count = 0;
        foreach (var c in token)
        {
            if (char.IsAsciiDigit(c) || c is 'O' or 'o' or 'I' or 'i' or 'L' or 'l')
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// After the letter prefix (SF, JDVA, DPK …), a part that is nearly all digits had its O, l and I misread by OCR for
    /// 0 and 1; a part with other letters (an S10 id's country, a shop's code) is left as it is.
    /// </summary>
    private static string Mend(string value)
    {
        var prefix = 0;
        while (prefix < value.Length && char.IsAsciiLetter(value[prefix]))
        {
            prefix++;
        }

        // "SFl23…": a slip right before the digits belongs to them, not to the prefix.
        while (prefix > 0 && prefix < value.Length && char.IsAsciiDigit(value[prefix]) && value[prefix - 1] is 'O' or 'I' or 'L')
        {
            prefix--;
        }

        var tail = value[prefix..];
        var slips = tail.Count(c => c is 'O' or 'I' or 'L');
        var others = tail.Count(c => char.IsAsciiLetter(c) && c is not ('O' or 'I' or 'L'));
        if (slips == 0 || others > 0 || slips * 6 > tail.Length)
        {
            return value;
        }

        return value[..prefix] + tail.Replace('O', '0').Replace('I', '1').Replace('L', '1');
    }

    /// <summary>Letters, digits and inner dashes, starting at a letter or digit not glued to another.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9\-])[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9]))*(?![A-Za-z0-9])")]
    private static partial Regex Token();
}
