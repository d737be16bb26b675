namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>The words a speaker uses for numbers and for the letters of an order number's prefix, as a recogniser writes them.</summary>
public static class SpokenWords
{
    /// <summary>Words for one digit; "oh" and "o" count only next to other number words ("oh, and …" stays a word).</summary>
    public static readonly IReadOnlyDictionary<string, int> Digits = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["oh"] = 0, ["o"] = 0, ["nought"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4,
        ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["niner"] = 9,
    };

    public static readonly IReadOnlyDictionary<string, int> Teens = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    };

    public static readonly IReadOnlyDictionary<string, int> Tens = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fourty"] = 40, ["fifty"] = 50, ["sixty"] = 60,
        ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    /// <summary>"double five" is 55, "triple seven" 777.</summary>
    public static readonly IReadOnlyDictionary<string, int> Repeats = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["double"] = 2, ["triple"] = 3,
    };

    public static readonly IReadOnlySet<string> Separators = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "dash", "hyphen", "minus" };

    public const string Hundred = "hundred";
    public const string Thousand = "thousand";

    /// <summary>
    /// Letter names as the en-us dictionary spells them, for a prefix such as "jay dee" (JD) or "ess eff" (SF). Single
    /// letters ("j d") are letters too, except "a" and "i", which are words far more often than a prefix.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, char> LetterNames = new Dictionary<string, char>(StringComparer.OrdinalIgnoreCase)
    {
        ["aitch"] = 'H', ["bee"] = 'B', ["cee"] = 'C', ["dee"] = 'D', ["eff"] = 'F', ["ess"] = 'S', ["gee"] = 'G',
        ["jay"] = 'J', ["kay"] = 'K', ["el"] = 'L', ["ell"] = 'L', ["em"] = 'M', ["pee"] = 'P', ["cue"] = 'Q',
        ["tee"] = 'T', ["vee"] = 'V', ["ex"] = 'X', ["wye"] = 'Y', ["zed"] = 'Z', ["zee"] = 'Z',
    };

    public static bool IsDigit(string word) => Digits.ContainsKey(word);

    /// <summary>Whether the word is a number word that can stand for digits on its own (not "oh", "double", "dash").</summary>
    public static bool IsNumber(string word) =>
        (Digits.ContainsKey(word) && !IsZeroLetter(word)) || Teens.ContainsKey(word) || Tens.ContainsKey(word)
        || word.Equals(Hundred, StringComparison.OrdinalIgnoreCase) || word.Equals(Thousand, StringComparison.OrdinalIgnoreCase);

    /// <summary>"oh" and "o": zero between numbers, else an interjection or a letter.</summary>
    public static bool IsZeroLetter(string word) => word.Equals("oh", StringComparison.OrdinalIgnoreCase) || word.Equals("o", StringComparison.OrdinalIgnoreCase);

    public static char? Letter(string word)
    {
        if (word.Length == 1 && char.IsAsciiLetter(word[0]) && word is not ("a" or "A" or "i" or "I"))
        {
            return char.ToUpperInvariant(word[0]);
        }

        return LetterNames.TryGetValue(word, out var letter) ? letter : null;
    }
}
