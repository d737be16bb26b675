using System.Text;

namespace TicketGrains.Api.Privacy;

/// <summary>
/// Hides the letters and digits of a value except a few at each end, keeping spaces, dashes and brackets where they
/// were: a number stays recognisable in its own format (<c>138 **** 5678</c>, <c>010-****5678</c>).
/// </summary>
public static class CharacterMask
{
    public const char Hidden = '*';

    public static string KeepEnds(string value, int keepFirst, int keepLast)
    {
        var total = value.Count(char.IsLetterOrDigit);
        var builder = new StringBuilder(value.Length);
        var seen = 0;
        foreach (var c in value)
        {
            if (!char.IsLetterOrDigit(c))
            {
                builder.Append(c);
                continue;
            }

            builder.Append(seen < keepFirst || seen >= total - keepLast ? c : Hidden);
            seen++;
        }

        return builder.ToString();
    }
}
