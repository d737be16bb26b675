using System.Globalization;

namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>The decoder's input: raw 16 kHz mono signed 16-bit little-endian samples, what the en-us model was trained on.</summary>
public static class Pcm
{
    public const int SampleRate = 16000;
    public const int BytesPerSecond = SampleRate * 2;

    /// <summary>sox's arguments that decode a note of <paramref name="soxType"/> to this format, cut a little past <paramref name="longest"/>.</summary>
    public static IReadOnlyList<string> ConversionArguments(string input, string soxType, string output, TimeSpan longest) =>
    [
        "-V1", "-t", soxType, input,
        "-t", "raw", "-r", SampleRate.ToString(CultureInfo.InvariantCulture), "-c", "1", "-b", "16", "-e", "signed-integer", "-L", output,
        "trim", "0", (longest.TotalSeconds + 1).ToString("0.###", CultureInfo.InvariantCulture),
    ];

    public static TimeSpan Duration(long bytes) => TimeSpan.FromSeconds((double)bytes / BytesPerSecond);

    /// <summary>The samples from <paramref name="start"/> to <paramref name="stop"/> seconds, on whole samples.</summary>
    public static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> samples, double start, double stop)
    {
        var from = Math.Clamp((long)(start * SampleRate) * 2, 0, samples.Length);
        var to = Math.Clamp((long)(stop * SampleRate) * 2, from, samples.Length);
        return samples[(int)from..(int)to];
    }
}
