namespace TicketGrains.Api.Privacy;

/// <summary>
/// Phone numbers of any format: the country code stays, then the first 3 and last 4 digits of the national number
/// (<c>13812345678</c> → <c>138****5678</c>, <c>+86 138 1234 5678</c> → <c>+86 138 **** 5678</c>,
/// <c>0571-88886666</c> → <c>057*-****6666</c>). Numbers under 8 digits keep only their last half, at most 4.
/// </summary>
public static class PhoneMask
{
    public static string Mask(string phone)
    {
        var value = phone.Trim();
        var split = CountryCodeLength(value);
        var national = value[split..];
        var digits = national.Count(char.IsAsciiDigit);
        return digits >= 8
            ? value[..split] + CharacterMask.KeepEnds(national, 3, 4)
            : value[..split] + CharacterMask.KeepEnds(national, 0, Math.Min(4, digits / 2));
    }

    /// <summary>How many leading characters are the country code and its separator (0 when it cannot be told apart).</summary>
    private static int CountryCodeLength(string value)
    {
        foreach (var china in (ReadOnlySpan<string>)["+86", "0086"])
        {
            if (value.StartsWith(china, StringComparison.Ordinal))
            {
                return china.Length + SeparatorLength(value, china.Length);
            }
        }

        if (!value.StartsWith('+'))
        {
            return 0;
        }

        // "+44 20 7946 0958": a code is only told apart from the number by the separator after it.
        var end = 1;
        while (end < value.Length && char.IsAsciiDigit(value[end]))
        {
            end++;
        }

        var separator = SeparatorLength(value, end);
        return separator > 0 && end is > 1 and <= 4 ? end + separator : 0;
    }

    private static int SeparatorLength(string value, int at) =>
        at < value.Length && value[at] is ' ' or '-' or '.' ? 1 : 0;
}
