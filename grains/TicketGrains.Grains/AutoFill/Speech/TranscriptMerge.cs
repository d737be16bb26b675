namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>Puts a note's transcript together: the general model's words, with each number's window replaced by what the digit grammar heard there.</summary>
public static class TranscriptMerge
{
    /// <summary>
    /// <paramref name="redecoded"/> holds one list per window, in order; an empty one (the grammar found nothing in the
    /// audio) keeps the general model's words.
    /// </summary>
    public static List<string> Merge(IReadOnlyList<TimedWord> words, IReadOnlyList<DigitWindow> windows, IReadOnlyList<IReadOnlyList<string>> redecoded)
    {
        var merged = new List<string>(words.Count);
        var next = 0;
        for (var w = 0; w < windows.Count; w++)
        {
            var window = windows[w];
            merged.AddRange(words.Skip(next).Take(window.First - next).Select(t => t.Word));
            var heard = Trimmed(redecoded[w]);
            merged.AddRange(heard.Count > 0 ? heard : words.Skip(window.First).Take(window.End - window.First).Select(t => t.Word));
            next = window.End;
        }

        merged.AddRange(words.Skip(next).Select(t => t.Word));
        return merged;
    }

    /// <summary>A "dash" at either edge of a window is a breath or a click the grammar had to call something.</summary>
    private static List<string> Trimmed(IReadOnlyList<string> heard)
    {
        var first = 0;
        var end = heard.Count;
        while (first < end && SpokenWords.Separators.Contains(heard[first]))
        {
            first++;
        }

        while (end > first && SpokenWords.Separators.Contains(heard[end - 1]))
        {
            end--;
        }

        return heard.Skip(first).Take(end - first).ToList();
    }
}
