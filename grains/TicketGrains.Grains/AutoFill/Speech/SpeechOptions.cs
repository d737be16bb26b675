using TicketGrains.Grains.Hosting;

namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>The "Speech" section: where pocketsphinx, its en-us model and sox are, and the limits a voice note is read within.</summary>
public sealed class SpeechOptions : IValidatableOptions
{
    public const string Section = "Speech";

    /// <summary>Debian's pocketsphinx package (0.8+5prealpha) names its decoder pocketsphinx_continuous.</summary>
    public string Pocketsphinx { get; set; } = "pocketsphinx_continuous";

    /// <summary>The pocketsphinx-en-us package's model: en-us/ (acoustic), en-us.lm.bin, cmudict-en-us.dict.</summary>
    public string ModelDirectory { get; set; } = "/usr/share/pocketsphinx/model/en-us";

    /// <summary>
    /// Converts WAV, AMR-NB, MP3 and Ogg voice notes to the 16 kHz mono 16-bit PCM the model was trained on (AMR and MP3
    /// through Debian's libsox-fmt-all; sox decodes AMR frames that ffmpeg's own AMR decoder refuses).
    /// </summary>
    public string Sox { get; set; } = "sox";

    /// <summary>
    /// "digits" (default): the general model, then every stretch it heard as numbers decoded again with a grammar of
    /// digit words only; "general": the general model alone. docs/benchmarks.md has both measured.
    /// </summary>
    public string Mode { get; set; } = SpeechModes.Digits;

    public long MaxBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Longer notes are refused: decoding takes about a third of the audio's length on one core.</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>For one note, conversion and every decoding pass together; the processes are killed past it.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// For sox's conversion alone, within <see cref="Timeout"/>: a two-minute note converts in well under a second, so a
    /// conversion still running past this is stuck on the file and gives the reader back to the notes behind it.
    /// </summary>
    public TimeSpan ConversionTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Notes decoded at once per process; each decoder takes one core while it runs.</summary>
    public int Concurrency { get; set; } = 1;

    public IEnumerable<string> Problems(string section)
    {
        foreach (var (key, value) in new[] { (nameof(Pocketsphinx), Pocketsphinx), (nameof(ModelDirectory), ModelDirectory), (nameof(Sox), Sox) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return $"{section}:{key} must name a program or directory.";
            }
        }

        if (Mode is not (SpeechModes.Digits or SpeechModes.General))
        {
            yield return $"{section}:Mode must be '{SpeechModes.Digits}' or '{SpeechModes.General}', not '{Mode}'.";
        }

        if (MaxBytes is < 1024 or > 64L * 1024 * 1024)
        {
            yield return $"{section}:MaxBytes must be between 1024 and {64L * 1024 * 1024}, not {MaxBytes}.";
        }

        if (MaxDuration < TimeSpan.FromSeconds(1) || MaxDuration > TimeSpan.FromMinutes(30))
        {
            yield return $"{section}:MaxDuration must be between 00:00:01 and 00:30:00, not {MaxDuration}.";
        }

        if (Timeout < TimeSpan.FromSeconds(1) || Timeout > TimeSpan.FromMinutes(30))
        {
            yield return $"{section}:Timeout must be between 00:00:01 and 00:30:00, not {Timeout}.";
        }

        if (ConversionTimeout < TimeSpan.FromSeconds(1) || ConversionTimeout > Timeout)
        {
            yield return $"{section}:ConversionTimeout must be between 00:00:01 and the Timeout ({Timeout}), not {ConversionTimeout}.";
        }

        if (Concurrency is < 1 or > 64)
        {
            yield return $"{section}:Concurrency must be between 1 and 64, not {Concurrency}.";
        }
    }
}
