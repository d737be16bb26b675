using System.Text;

namespace TicketGrains.Bench.Speech;

/// <summary>
/// Generates the bench's voice notes from a seed: order numbers (10-19 digits) and mainland mobile numbers (11 digits)
/// read digit by digit, with "double"/"triple" for repeats as people say them, inside everyday sentences, spoken by
/// each flite voice at three speeds, a third of them with background noise, in WAV, AMR and MP3 in turn.
/// </summary>
public static class VoiceNoteCorpus
{
    public static readonly string[] Voices = ["slt", "rms", "awb", "kal"];
    private static readonly double[] Stretches = [0.85, 1.0, 1.2];
    private static readonly string[] Formats = ["wav", "amr", "mp3"];
    private static readonly string[] DigitNames = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    private static readonly string[] OrderSentences =
    [
        "my order number is {0}", "hello, the order {0} has not arrived yet", "I want a refund for order {0} please",
        "can you check order number {0} for me", "the parcel for {0} was broken",
    ];

    private static readonly string[] PhoneSentences =
    [
        "please call me on {0}", "my phone number is {0}, thank you", "you can reach me at {0} after six",
    ];

    public static List<VoiceNote> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var notes = new List<VoiceNote>(count);
        for (var i = 0; i < count; i++)
        {
            var phone = i % 3 == 2;
            var digits = phone ? Phone(random) : Order(random);
            var sentences = phone ? PhoneSentences : OrderSentences;
            var sentence = string.Format(System.Globalization.CultureInfo.InvariantCulture, sentences[random.Next(sentences.Length)], Spoken(digits));
            notes.Add(new VoiceNote(Voices[i % Voices.Length], Stretches[i / Voices.Length % Stretches.Length], i % 3 == 1,
                Formats[i / (Voices.Length * Stretches.Length) % Formats.Length], phone ? "phone" : "order", sentence, digits));
        }

        return notes;
    }

    /// <summary>Digit by digit; a digit said twice or three times in a row as "double" or "triple" about half the time.</summary>
    public static string Spoken(string digits)
    {
        var words = new StringBuilder();
        var i = 0;
        var useRepeats = digits.Sum(c => c) % 2 == 0;
        while (i < digits.Length)
        {
            var run = 1;
            while (i + run < digits.Length && digits[i + run] == digits[i] && run < 3)
            {
                run++;
            }

            if (run > 1 && useRepeats)
            {
                words.Append(run == 2 ? "double " : "triple ").Append(DigitNames[digits[i] - '0']).Append(' ');
            }
            else
            {
                for (var r = 0; r < run; r++)
                {
                    words.Append(DigitNames[digits[i] - '0']).Append(' ');
                }
            }

            i += run;
        }

        return words.ToString().TrimEnd();
    }

    private static string Order(Random random)
    {
        var length = random.Next(10, 20);
        var digits = new StringBuilder().Append((char)('1' + random.Next(9)));
        while (digits.Length < length)
        {
            digits.Append((char)('0' + random.Next(10)));
        }

        return digits.ToString();
    }

    private static string Phone(Random random)
    {
        var digits = new StringBuilder("1").Append("3456789"[random.Next(7)]);
        while (digits.Length < 11)
        {
            digits.Append((char)('0' + random.Next(10)));
        }

        return digits.ToString();
    }
}
