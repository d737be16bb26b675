namespace TicketGrains.Grains.AutoFill.Fields;

/// <summary>
/// The carriers a text names, Chinese ("顺丰", "极兔速递") or English ("SF Express", "J&amp;T"), the longest name at each
/// place; a Latin name counts only as a whole word, so "STO" in "STORE" or "EMS" in "ITEMS" is no mention.
/// </summary>
public static class CarrierMentions
{
    private static readonly (Carrier Carrier, string Name)[] Names =
        [.. Carriers.All.SelectMany(c => c.Names.Select(n => (c, n))).OrderByDescending(p => p.n.Length)];

    public static IReadOnlyList<CarrierMention> Find(string text)
    {
        var found = new List<CarrierMention>();
        var taken = new bool[text.Length];
        foreach (var (carrier, name) in Names)
        {
            var at = 0;
            while ((at = text.IndexOf(name, at, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                if (!taken[at] && IsWhole(text, at, name.Length))
                {
                    found.Add(new CarrierMention(carrier, at, name.Length));
                    Array.Fill(taken, true, at, name.Length);
                }

                at += name.Length;
            }
        }

        return [.. found.OrderBy(m => m.Start)];
    }

    private static bool IsWhole(string text, int start, int length)
    {
        var latinStart = char.IsAsciiLetter(text[start]);
        var latinEnd = char.IsAsciiLetter(text[start + length - 1]);
        return !(latinStart && start > 0 && char.IsAsciiLetterOrDigit(text[start - 1]))
            && !(latinEnd && start + length < text.Length && char.IsAsciiLetter(text[start + length]));
    }
}
