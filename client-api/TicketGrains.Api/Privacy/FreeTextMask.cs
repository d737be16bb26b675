using System.Text.RegularExpressions;

namespace TicketGrains.Api.Privacy;

/// <summary>
/// Personal data inside free text (subjects, bodies, messages, field values): e-mail addresses, identity card numbers,
/// phone numbers (Chinese mobiles and landlines, international numbers written with '+'), Luhn-valid card numbers and
/// street addresses are masked in place with the same rules as the structured fields. Names cannot be told apart from
/// other words in free text, so they are left to the structured name fields.
/// </summary>
public static partial class FreeTextMask
{
    public static string Mask(string text)
    {
        // Order matters: an identity card number is also 18 digits a card pattern would take, an e-mail address may hold
        // digits a phone pattern would take. Masked output holds '*', which no later pattern matches across.
        var masked = Email().Replace(text, m => EmailMask.Mask(m.Value));
        masked = IdCard().Replace(masked, m => IdCardMask.Mask(m.Value));
        masked = Phone().Replace(masked, m => PhoneMask.Mask(m.Value));
        masked = Card().Replace(masked, m => IsLuhnValid(m.Value) ? BankCardMask.Mask(m.Value) : m.Value);
        masked = ChineseAddress().Replace(masked, m => m.Groups["region"].Value + AddressMask.Hidden);
        return EnglishStreet().Replace(masked, AddressMask.Hidden);
    }

    /// <summary>The card-number checksum; order and tracking numbers of the same length mostly fail it.</summary>
    public static bool IsLuhnValid(string number)
    {
        var digits = number.Where(char.IsAsciiDigit).Select(c => c - '0').Reverse().ToList();
        var sum = digits.Select((d, i) => i % 2 == 0 ? d : (d * 2 > 9 ? d * 2 - 9 : d * 2)).Sum();
        return digits.Count >= 12 && sum % 10 == 0;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    /// <summary>18 characters: region (6), birth date (yyyyMMdd), sequence (3), check digit or X.</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex IdCard();

    /// <summary>Chinese mobiles (+86 optional), landlines with their area code, and '+' international numbers.</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z\-+])(?:(?:(?:\+|00)86[ \-]?)?1[3-9]\d(?:[ \-]?\d{4}){2}|\(?0\d{2,3}\)?[ \-]?\d{7,8}|\+(?:\d[ \-]?){7,14}\d)(?![0-9A-Za-z\-])")]
    private static partial Regex Phone();

    /// <summary>13 to 19 digits, optionally grouped by single spaces or dashes, not part of a longer code (SF1234567890123).</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z\-])\d(?:[ \-]?\d){12,18}(?![0-9A-Za-z\-])")]
    private static partial Regex Card();

    /// <summary>A prefecture and district followed by a street, house or room.</summary>
    [GeneratedRegex(@"(?<region>(?:[\u4e00-\u9fff]{2,8}?(?:省|自治区))?[\u4e00-\u9fff]{2,8}?(?:市|自治州)(?:[\u4e00-\u9fff]{1,8}?(?:区|县|旗))?)[\w\- ]{0,30}?(?:路|街|道|巷|弄|村|号|室|栋|幢)(?:\s*[\dA-Za-z\-]+\s*(?:号|弄|室|栋|幢|楼|单元))*")]
    private static partial Regex ChineseAddress();

    /// <summary>A house number and a street name ending in a street word.</summary>
    [GeneratedRegex(@"\b\d{1,5}[A-Za-z]?\s+(?:[A-Z][a-z]+\s+){1,4}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Parkway|Pkwy|Court|Ct|Place|Pl)\b\.?")]
    private static partial Regex EnglishStreet();
}
