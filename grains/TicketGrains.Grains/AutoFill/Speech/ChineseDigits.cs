using System.Text;

namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>
/// A recogniser writing Mandarin may spell a number read digit by digit in characters ("订单号三八八五一二"; "幺" is how
/// one is read in phone numbers). Runs of four digit characters or more become digits; shorter runs stay, since "三四天"
/// (three or four days) and "一两个" are words.
/// </summary>
public static class ChineseDigits
{
    private const int ShortestRun = 4;
    private const string Digits = "零一二三四五六七八九";

    public static string Normalise(string text)
    {
        var output = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var end = i;
            while (end < text.Length && Digit(text[end]) is not null)
            {
                end++;
            }

            if (end - i >= ShortestRun)
            {
                for (var j = i; j < end; j++)
                {
                    output.Append(Digit(text[j]));
                }

                i = end;
            }
            else
            {
                output.Append(text, i, Math.Max(1, end - i));
                i += Math.Max(1, end - i);
            }
        }

        return output.ToString();
    }

    private static char? Digit(char c) => c switch
    {
        '〇' => '0',
        '幺' => '1',
        '两' => '2',
        _ when Digits.IndexOf(c, StringComparison.Ordinal) is var at and >= 0 => (char)('0' + at),
        _ => null,
    };
}
