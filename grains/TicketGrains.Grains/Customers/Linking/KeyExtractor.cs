using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace TicketGrains.Grains.Customers.Linking;

/// <summary>
/// Finds the strong keys a customer wrote into a message, in Chinese or English: e-mail addresses, phone numbers
/// (Chinese mobiles with or without +86, landlines written with their area code, '+' international numbers) and order
/// numbers by the channel's order pattern. Full-width characters count as their ASCII twins. A found e-mail address or
/// phone number is blanked before the next kind is looked for, so its digits are never read as an order number.
/// </summary>
public static partial class KeyExtractor
{
    private const int MaxCachedPatterns = 256;

    private static readonly ConcurrentDictionary<string, Regex> OrderPatterns = new(StringComparer.Ordinal);

    public static IReadOnlyList<StrongKey> From(string? text, string orderPattern)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var keys = new List<StrongKey>();
        var rest = KeyNormalizer.Fold(text);
        rest = Take(rest, EmailPattern(), KeyNormalizer.Email, KeyKinds.Email, keys);
        rest = Take(rest, PhonePattern(), KeyNormalizer.Phone, KeyKinds.Phone, keys);
        foreach (Match m in OrderPattern(orderPattern).Matches(rest))
        {
            var value = m.Groups.Count > 1 && m.Groups[1].Success ? m.Groups[1].Value : m.Value;
            if (KeyNormalizer.Order(value) is { } order)
            {
                keys.Add(StrongKey.Order(order));
            }
        }

        return [.. keys.Distinct()];
    }

    /// <summary>The keys an identity is by itself: an e-mail sender's address, a caller's number.</summary>
    public static IReadOnlyList<StrongKey> OfIdentity(string channel, string externalId) => channel switch
    {
        "email" when KeyNormalizer.Email(externalId) is { } email => [StrongKey.Email(email)],
        "phone" when KeyNormalizer.Phone(externalId) is { } phone => [StrongKey.Phone(phone)],
        _ => [],
    };

    /// <summary>
    /// The tenant's order pattern, parsed once: building a Regex costs more than running it on a message, and every API
    /// create runs one. Patterns are few (one per threading rule document version), so the cache stays small.
    /// </summary>
    private static Regex OrderPattern(string pattern)
    {
        if (OrderPatterns.TryGetValue(pattern, out var regex))
        {
            return regex;
        }

        regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        if (OrderPatterns.Count >= MaxCachedPatterns)
        {
            OrderPatterns.Clear();
        }

        return OrderPatterns.GetOrAdd(pattern, regex);
    }

    private static string Take(string text, Regex pattern, Func<string, string?> normalize, string kind, List<StrongKey> keys) =>
        pattern.Replace(text, m =>
        {
            if (normalize(m.Value) is { } value)
            {
                keys.Add(new StrongKey(kind, value));
            }

            return new string(' ', m.Length);
        });

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant, 100)]
    private static partial Regex EmailPattern();

    /// <summary>Mobiles (1[3-9] and 9 more digits, grouped 3-4-4 or not), landlines with an area code in brackets or before a dash, '+' numbers.</summary>
    [GeneratedRegex(
        @"(?<![0-9A-Za-z+\-])(?:(?:(?:\+|00)86[ \-]?)?1[3-9][0-9](?:[ \-]?[0-9]{4}){2}|(?:\(0[0-9]{2,3}\)[ ]?|0[0-9]{2,3}-)[0-9]{7,8}|\+(?:[0-9][ \-]?){7,14}[0-9])(?![0-9A-Za-z\-])",
        RegexOptions.CultureInvariant, 100)]
    private static partial Regex PhonePattern();
}
