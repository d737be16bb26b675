using System.Globalization;

namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>
/// The note's own cepstral mean, for the decoder to start from. pocketsphinx_continuous normalises live: it starts
/// every note from the model's <c>-cmninit</c> (a mean of the training audio) and updates it only at the end of an
/// utterance, so a five-second note is decoded whole against a mean that fits neither its voice, its level nor its
/// channel (an 8 kHz phone note least of all). A cheap first pass logs the note's cepstra (<c>-mfclogdir</c>), this
/// class averages them, and the real passes start from that mean. Debian 12's pocketsphinx lets the model's
/// feat.params override <c>-cmninit</c> given on the command line, so the mean travels in a copy of feat.params given
/// with <c>-featparams</c>. (The decoder's own log line "Update to &lt; … &gt;" is not used: a grammar pass often
/// ends a note without logging it.) Measured in docs/benchmarks.md; ADR 0019 has why.
/// </summary>
public static class CepstralMean
{
    /// <summary>Cepstral coefficients per frame in the en-us model (<c>-ceplen</c>).</summary>
    public const int Coefficients = 13;

    /// <summary>
    /// The mean frame of Sphinx feature files (a 32-bit count of the floats that follow, then 32-bit floats, frame
    /// after frame; little- or big-endian, told by the count), or null when they hold no frame.
    /// </summary>
    public static IReadOnlyList<double>? FromFeatureFiles(IEnumerable<byte[]> files)
    {
        var sum = new double[Coefficients];
        long frames = 0;
        foreach (var file in files)
        {
            if (file.Length < 4 + 4 * Coefficients)
            {
                continue;
            }

            var floats = (file.Length - 4) / 4;
            var bigEndian = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(file) != floats;
            for (var frame = 0; frame < floats / Coefficients; frame++)
            {
                for (var c = 0; c < Coefficients; c++)
                {
                    var at = 4 + 4 * (frame * Coefficients + c);
                    var bits = bigEndian
                        ? System.Buffers.Binary.BinaryPrimitives.ReadSingleBigEndian(file.AsSpan(at))
                        : System.Buffers.Binary.BinaryPrimitives.ReadSingleLittleEndian(file.AsSpan(at));
                    sum[c] += bits;
                }

                frames++;
            }
        }

        return frames == 0 || sum.Any(s => !double.IsFinite(s)) ? null : sum.Select(s => s / frames).ToList();
    }

    /// <summary>The model's feature parameters with <c>-cmninit</c> set to <paramref name="mean"/> (replaced, or added when the model has none).</summary>
    public static string FeatureParameters(string modelParameters, IReadOnlyList<double> mean)
    {
        var init = "-cmninit " + string.Join(',', mean.Select(m => m.ToString("0.00", CultureInfo.InvariantCulture)));
        var lines = modelParameters.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0)
            .Where(l => !l.StartsWith("-cmninit ", StringComparison.Ordinal)).ToList();
        lines.Add(init);
        return string.Join('\n', lines) + "\n";
    }
}
