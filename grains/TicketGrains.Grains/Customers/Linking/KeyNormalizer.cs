namespace TicketGrains.Grains.Customers.Linking;

/// <summary>
/// Makes every writing of a key one value: full-width characters (１３８, ＠) become ASCII, a phone number keeps its digits
/// without the country code of China (+86, 0086), an e-mail address is lower-cased, an order number loses spaces.
/// </summary>
public static class KeyNormalizer
{
    /// <summary>
    /// Full-width digits, letters and signs (U+FF01 to U+FF5E) and the ideographic space as ASCII; Chinese text itself is
    /// unchanged. By hand: with invariant globalization the runtime normalises no non-ASCII text.
    /// </summary>
    public static string Fold(string text) => string.Create(text.Length, text, static (folded, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            folded[i] = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                _ => c,
            };
        }
    });

    /// <summary>The digits of a phone number without China's country code; null when it has too few or too many digits.</summary>
    public static string? Phone(string text)
    {
        var folded = Fold(text).Trim();
        var digits = string.Concat(folded.Where(char.IsAsciiDigit));
        var international = folded.StartsWith('+') || digits.StartsWith("00", StringComparison.Ordinal);
        digits = digits.StartsWith("00", StringComparison.Ordinal) ? digits[2..] : digits;
        if (international && digits.StartsWith("86", StringComparison.Ordinal) && digits.Length > 11)
        {
            digits = digits[2..];
        }
        else if (international)
        {
            digits = "+" + digits;
        }

        var length = digits.TrimStart('+').Length;
        return length is >= 7 and <= 15 ? digits : null;
    }

    public static string? Email(string text)
    {
        var folded = Fold(text).Trim().TrimEnd('.').ToLowerInvariant();
        var at = folded.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == folded.LastIndexOf('@') && folded.IndexOf('.', at) > at + 1 && !folded.Any(char.IsWhiteSpace) ? folded : null;
    }

    public static string? Order(string text)
    {
        var folded = string.Concat(Fold(text).Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        return folded.Length is > 0 and <= 64 ? folded : null;
    }
}
