using System.Text;

namespace TicketGrains.Grains.AutoFill.Fields;

/// <summary>
/// A text in the one shape the extractors read: full-width digits, letters and punctuation (０１２, ：, ＃, ￥) made
/// half-width, the ideographic space a space, and on a line where OCR spaced the Chinese characters out ("订 单 号"),
/// the spaces between them removed. A typed line keeps its spaces ("文三路90号 李雷" is two things). Each character
/// keeps the index it had in the original, so a match here names its span there.
/// </summary>
public sealed class ShapedText
{
    // Null when no space was removed: then every index is its own original.
    private readonly int[]? _original;
    private readonly int _originalLength;

    private ShapedText(string text, int[]? original, int originalLength)
    {
        Text = text;
        _original = original;
        _originalLength = originalLength;
    }

    public string Text { get; }

    public static ShapedText Of(string original)
    {
        var half = HalfWidthOf(original);
        if (!AnyLineSpacedOut(half))
        {
            // The common case (typed text): nothing moves, so no index map is built.
            return new ShapedText(half, null, original.Length);
        }

        var text = new StringBuilder(half.Length);
        var indices = new List<int>(half.Length);
        var lineStart = 0;
        while (lineStart < half.Length)
        {
            var lineEnd = half.IndexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? half.Length : lineEnd + 1;
            var spaced = IsSpacedOut(half.AsSpan(lineStart, lineEnd - lineStart));
            for (var i = lineStart; i < lineEnd; i++)
            {
                if (spaced && half[i] is ' ' or '\t' && BetweenCjk(half, i))
                {
                    continue;
                }

                text.Append(half[i]);
                indices.Add(i);
            }

            lineStart = lineEnd;
        }

        return new ShapedText(text.ToString(), [.. indices], original.Length);
    }

    private static string HalfWidthOf(string original)
    {
        var i = 0;
        while (i < original.Length && HalfWidth(original[i]) == original[i])
        {
            i++;
        }

        return i == original.Length ? original : string.Create(original.Length, original, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = HalfWidth(text[i]);
            }
        });
    }

    private static bool AnyLineSpacedOut(string text)
    {
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.Length : lineEnd + 1;
            if (IsSpacedOut(text.AsSpan(lineStart, lineEnd - lineStart)))
            {
                return true;
            }

            lineStart = lineEnd;
        }

        return false;
    }

    /// <summary>The start and length in the original text of the shaped span.</summary>
    public (int Start, int Length) OriginalSpan(int start, int length)
    {
        if (_original is null)
        {
            return (Math.Min(start, _originalLength), length);
        }

        if (length == 0)
        {
            return (start < _original.Length ? _original[start] : _originalLength, 0);
        }

        var first = _original[start];
        return (first, _original[start + length - 1] + 1 - first);
    }

    public static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    private static char HalfWidth(char c) => c switch
    {
        >= '\uff01' and <= '\uff5e' => (char)(c - 0xfee0),
        '\u3000' => ' ',
        '\uffe5' => '¥',
        _ => c,
    };

    /// <summary>Whether most neighbouring Chinese characters of the line stand a space apart: OCR's writing, not a person's.</summary>
    private static bool IsSpacedOut(ReadOnlySpan<char> line)
    {
        int apart = 0, together = 0;
        for (var i = 1; i < line.Length; i++)
        {
            if (IsCjk(line[i]) && IsCjk(line[i - 1]))
            {
                together++;
            }
            else if (i >= 2 && IsCjk(line[i]) && line[i - 1] == ' ' && IsCjk(line[i - 2]))
            {
                apart++;
            }
        }

        return apart > 0 && apart >= together;
    }

    /// <summary>Whether the run of spaces holding index <paramref name="i"/> has a Chinese character (or ：) on both sides.</summary>
    private static bool BetweenCjk(string text, int i)
    {
        var before = i - 1;
        while (before >= 0 && text[before] is ' ' or '\t')
        {
            before--;
        }

        var after = i + 1;
        while (after < text.Length && text[after] is ' ' or '\t')
        {
            after++;
        }

        return before >= 0 && after < text.Length && IsCjkOrColon(text[before]) && IsCjkOrColon(text[after]);
    }

    private static bool IsCjkOrColon(char c) => IsCjk(c) || c is ':';
}
