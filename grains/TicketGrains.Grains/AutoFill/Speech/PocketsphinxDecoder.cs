namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>
/// Decodes raw PCM files with pocketsphinx_continuous: with the general en-us model and dictionary, or with a JSGF
/// grammar over the same acoustic model and dictionary. Either way word timings come back (<c>-time yes</c>).
/// </summary>
public sealed class PocketsphinxDecoder(SpeechOptions options)
{
    public Task<List<TimedWord>> GeneralAsync(string pcmFile, CancellationToken cancellationToken) =>
        RunAsync(pcmFile, ["-lm", Path.Combine(options.ModelDirectory, "en-us.lm.bin")], cancellationToken);

    public Task<List<TimedWord>> GrammarAsync(string pcmFile, string grammarFile, CancellationToken cancellationToken) =>
        RunAsync(pcmFile, ["-jsgf", grammarFile], cancellationToken);

    private async Task<List<TimedWord>> RunAsync(string pcmFile, IReadOnlyList<string> search, CancellationToken cancellationToken)
    {
        var output = await ToolProcess.RunAsync(options.Pocketsphinx,
        [
            "-infile", pcmFile,
            "-hmm", Path.Combine(options.ModelDirectory, "en-us"),
            "-dict", Path.Combine(options.ModelDirectory, "cmudict-en-us.dict"),
            .. search,
            "-samprate", Pcm.SampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-time", "yes",
            // The decoder logs its whole configuration on every run; only its exit code and errors matter here.
            "-logfn", "/dev/null",
        ], cancellationToken);
        return DecoderOutput.Words(output);
    }
}
