using System.Globalization;
using TicketGrains.Grains.AutoFill.Speech;

namespace TicketGrains.Bench.Speech;

/// <summary>Speaks a note with flite and shapes it with sox (noise, 8 kHz AMR-NB as phones record, MP3), as files under a directory.</summary>
public static class VoiceSynthesis
{
    public static async Task<byte[]> SpeakAsync(VoiceNote note, string directory, CancellationToken cancellationToken)
    {
        var name = Path.Combine(directory, Guid.NewGuid().ToString("N"));
        var spoken = name + "-spoken.wav";
        await ToolProcess.RunAsync("flite", ["-voice", note.Voice, "--setf", $"duration_stretch={note.Stretch.ToString(CultureInfo.InvariantCulture)}",
            "-t", note.Sentence, "-o", spoken], cancellationToken);
        var source = spoken;
        if (note.Noise)
        {
            // Pink noise about 19 dB under the voice, as long as the note, like a street or a shop behind the speaker.
            var noise = name + "-noise.wav";
            source = name + "-noisy.wav";
            await ToolProcess.RunAsync("sox", [spoken, noise, "synth", "pinknoise", "vol", "0.05"], cancellationToken);
            await ToolProcess.RunAsync("sox", ["-m", spoken, noise, source], cancellationToken);
        }

        var output = $"{name}.{note.Format}";
        IReadOnlyList<string> shape = note.Format switch
        {
            "amr" => [source, "-r", "8000", "-c", "1", "-C", "7", "-t", "amr-nb", output],
            "mp3" => [source, "-c", "1", "-C", "64", output],
            _ => [source, "-r", "16000", "-c", "1", "-b", "16", output],
        };
        await ToolProcess.RunAsync("sox", shape, cancellationToken);
        return await File.ReadAllBytesAsync(output, cancellationToken);
    }
}
