using System.Text;
using System.Text.RegularExpressions;

namespace TicketGrains.Grains.AutoFill.Intents;

/// <summary>
/// A message as the model reads it: one string of space-separated words, the same for training and prediction.
/// Full-width forms become ASCII and letters lower case, so "ＳＦ１２３，" and "sf123," read alike (by hand: the
/// product runs with invariant globalization, where Normalize does not fold width). Every run of digits (an order,
/// tracking or phone number, a price) becomes one placeholder, because which number a customer pasted says nothing
/// about what they want and would only be memorised. jieba cuts each run of Chinese into words; English words,
/// punctuation and emoji (whole, never split into surrogate halves) stay tokens of their own. The model's character
/// n-grams catch what segmentation gets wrong.
/// </summary>
public static partial class IntentText
{
    /// <summary>The word every number becomes.</summary>
    public const string Number = "0";

    public static string Words(string text)
    {
        var words = new StringBuilder(text.Length * 2);
        foreach (Match token in Tokens().Matches(Fold(text)))
        {
            if (token.Groups["chinese"].Success)
            {
                foreach (var word in ChineseWords.Cut(token.Value))
                {
                    Append(words, word);
                }
            }
            else
            {
                Append(words, token.Groups["number"].Success ? Number : token.Value);
            }
        }

        return words.ToString();
    }

    private static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            folded.Append(c switch
            {
                >= '\uff01' and <= '\uff5e' => char.ToLowerInvariant((char)(c - 0xfee0)),
                '\u3000' => ' ',
                _ => char.ToLowerInvariant(c),
            });
        }

        return folded.ToString();
    }

    private static void Append(StringBuilder words, string word)
    {
        if (string.IsNullOrWhiteSpace(word))
        {
            return;
        }

        if (words.Length > 0)
        {
            words.Append(' ');
        }

        words.Append(word.Trim());
    }

    // A number is a digit run with the letters, dashes and digits stuck to it ("tb2026-11", "sf1234567890123", "#4521");
    // Chinese is a run of ideographs; a word a run of letters; anything else one character or surrogate pair (emoji).
    [GeneratedRegex(@"(?<number>[a-z]{0,4}#?\d[\d\-_/]*[a-z]{0,2}\d*)|(?<chinese>[\u3400-\u4dbf\u4e00-\u9fff]+)|(?<word>[a-z']+)|[\ud800-\udbff][\udc00-\udfff]|\S")]
    private static partial Regex Tokens();
}
