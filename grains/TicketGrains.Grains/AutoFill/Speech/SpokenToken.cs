namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>One word of a transcript with the punctuation around it, so a replaced number keeps its comma or full stop.</summary>
public readonly record struct SpokenToken(string Leading, string Word, string Trailing)
{
    /// <summary>Splits on white space; "twenty-three" is two words, "SF-1234" stays one.</summary>
    public static List<SpokenToken> Split(string text)
    {
        var tokens = new List<SpokenToken>();
        foreach (var piece in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var start = 0;
            while (start < piece.Length && !char.IsLetterOrDigit(piece[start]))
            {
                start++;
            }

            var end = piece.Length;
            while (end > start && !char.IsLetterOrDigit(piece[end - 1]))
            {
                end--;
            }

            var word = piece[start..end];
            var halves = word.Split('-');
            if (halves.Length == 2 && SpokenWords.Tens.ContainsKey(halves[0]) && SpokenWords.Digits.ContainsKey(halves[1]))
            {
                tokens.Add(new SpokenToken(piece[..start], halves[0], ""));
                tokens.Add(new SpokenToken("", halves[1], piece[end..]));
            }
            else
            {
                tokens.Add(new SpokenToken(piece[..start], word, piece[end..]));
            }
        }

        return tokens;
    }

    /// <summary>Whether the punctuation after the word ends a clause, so no number runs on past it.</summary>
    public bool EndsClause => Trailing.IndexOfAny(['.', '?', '!', ';', ':', '。', '？', '！']) >= 0;

    public bool HasComma => Trailing.Contains(',') || Trailing.Contains('，');

    public override string ToString() => Leading + Word + Trailing;
}
