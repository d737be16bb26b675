using System.Text.RegularExpressions;

namespace TicketGrains.Grains.AutoFill.Fields;

/// <summary>
/// Mainland mobile numbers: 11 digits from 13-19, written whole or 3-4-4 with spaces or dashes, with or without +86 /
/// 0086; the value is the 11 digits. A number glued to more digits or letters is part of something longer.
/// </summary>
public static partial class PhoneNumbers
{
    public static bool IsMobile(string digits) => digits.Length == 11 && Whole().IsMatch(digits);

    /// <summary>Each mobile number in the shaped text: its 11 digits and the span it was written in.</summary>
    public static IEnumerable<(string Digits, int Start, int Length)> Find(string text)
    {
        foreach (Match match in Written().Matches(text))
        {
            var number = match.Groups["number"];
            var digits = string.Concat(number.Value.Where(char.IsAsciiDigit));
            yield return (digits, match.Index, match.Length);
        }
    }

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"(?<![A-Za-z0-9\-])(?:(?:\+86|0086|86)[\s\-]?)?(?<number>1[3-9]\d(?:\d{8}|[\s\-]\d{4}[\s\-]\d{4}))(?![A-Za-z0-9])")]
    private static partial Regex Written();
}
