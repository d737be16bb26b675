namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>
/// Finds where the general model heard a number (two number words or more, with a stray word or two short ones between
/// them: "three eighty five volunteers double seven", but not "eight after six") and was unsure of it, widened to
/// spelled letters before it, so that stretch can be decoded again with number words only.
/// </summary>
public static class DigitWindows
{
    /// <summary>What the general model writes for a digit said quickly or unclearly ("nine five four to five").</summary>
    private static readonly HashSet<string> SoundAlikes = new(StringComparer.OrdinalIgnoreCase)
    {
        "to", "too", "for", "fore", "won", "ate", "tree", "free", "sex", "nein", "owe",
    };

    /// <summary>A stray word longer than this between two numbers is speech of its own, not a misheard digit.</summary>
    private const double LongestBridge = 0.8;

    /// <summary>
    /// Audio taken either side of a window. None: 50 ms of the word before was enough for the grammar to hear a digit in
    /// it ("is" → "two"), and the first pass's boundaries already hold the whole digit.
    /// </summary>
    public const double Padding = 0;

    public static List<DigitWindow> Find(IReadOnlyList<TimedWord> words)
    {
        var windows = new List<DigitWindow>();
        var i = 0;
        while (i < words.Count)
        {
            if (!IsNumberWord(words[i].Word))
            {
                i++;
                continue;
            }

            var (end, numbers) = RunFrom(words, i);
            if (numbers >= 2 && !IsDigitByDigit(words, i, end))
            {
                windows.Add(Widened(words, i, end));
            }

            i = end;
        }

        return windows;
    }

    /// <summary>
    /// The end (exclusive) of the run of number words from <paramref name="first"/> and how many number words it has. A
    /// stray word is bridged when a number word follows it, but a run does not end on a stray word and one number word
    /// ("eight after six" ends at "eight") unless the stray word sounds like a digit ("four to five").
    /// </summary>
    private static (int End, int Numbers) RunFrom(IReadOnlyList<TimedWord> words, int first)
    {
        var end = first + 1;
        var numbers = 1;
        var lastBridge = -1;
        while (end < words.Count)
        {
            if (IsNumberWord(words[end].Word))
            {
                numbers++;
                end++;
            }
            else if (end + 1 < words.Count && IsNumberWord(words[end + 1].Word) && words[end].End - words[end].Start <= LongestBridge)
            {
                lastBridge = end;
                numbers++;
                end += 2;
            }
            else if (end + 3 < words.Count && IsNumberWord(words[end + 2].Word) && IsNumberWord(words[end + 3].Word)
                && words[end + 1].End - words[end].Start <= LongestBridge)
            {
                // Two short stray words inside a number ("double dare of five"): a digit heard as two words.
                lastBridge = end + 1;
                numbers += 2;
                end += 4;
            }
            else
            {
                break;
            }
        }

        return lastBridge >= 0 && end - lastBridge == 2 && !SoundAlikes.Contains(words[lastBridge].Word) ? (lastBridge, numbers - 1) : (end, numbers);
    }

    private static DigitWindow Widened(IReadOnlyList<TimedWord> words, int first, int end)
    {
        var letters = false;
        while (first > 0 && SpokenWords.Letter(words[first - 1].Word) is not null)
        {
            first--;
            letters = true;
        }

        var cardinals = words.Skip(first).Take(end - first)
            .Any(w => w.Word.Equals(SpokenWords.Hundred, StringComparison.OrdinalIgnoreCase) || w.Word.Equals(SpokenWords.Thousand, StringComparison.OrdinalIgnoreCase));
        return new DigitWindow(first, end, Math.Max(0, words[first].Start - Padding), words[end - 1].End + Padding, letters, cardinals);
    }

    /// <summary>
    /// Digits, "oh", "double" and "triple" only: the general model heard a clean digit string, and a second pass would
    /// only risk a digit more at an edge. Tens, teens or a stray word mean it was unsure.
    /// </summary>
    private static bool IsDigitByDigit(IReadOnlyList<TimedWord> words, int first, int end) =>
        words.Skip(first).Take(end - first).All(w => SpokenWords.IsDigit(w.Word) || SpokenWords.Repeats.ContainsKey(w.Word));

    private static bool IsNumberWord(string word) =>
        SpokenWords.IsNumber(word) || SpokenWords.IsZeroLetter(word) || SpokenWords.Repeats.ContainsKey(word) || SpokenWords.Separators.Contains(word);
}
