namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>
/// Decodes raw PCM files with pocketsphinx_continuous: with the general en-us model and dictionary, or with a JSGF
/// grammar over the same acoustic model and dictionary. Either way word timings come back (<c>-time yes</c>). Both
/// take the feature parameters of <see cref="MeanAsync"/> when the note has them.
/// </summary>
public sealed class PocketsphinxDecoder(SpeechOptions options)
{
    // The mean pass searches for one word of a one-word dictionary (loading the full one takes most of its time): what it
    // hears does not matter, only the cepstra its front end logs.
    private const string OneWordGrammar = "#JSGF V1.0;\ngrammar mean;\npublic <word> = oh;\n";
    private const string OneWordDictionary = "oh OW\n";

    public Task<List<TimedWord>> GeneralAsync(string pcmFile, string? featureParameters, CancellationToken cancellationToken) =>
        RunAsync(pcmFile, ["-lm", Path.Combine(options.ModelDirectory, "en-us.lm.bin")], featureParameters, cancellationToken);

    public Task<List<TimedWord>> GrammarAsync(string pcmFile, string grammarFile, string? featureParameters, CancellationToken cancellationToken) =>
        RunAsync(pcmFile, ["-jsgf", grammarFile], featureParameters, cancellationToken);

    /// <summary>
    /// Writes into <paramref name="work"/> the model's feature parameters with the note's own cepstral mean
    /// (<see cref="CepstralMean"/>) and returns that file, or null when the front end kept no frame (a note too short).
    /// </summary>
    public async Task<string?> MeanAsync(string pcmFile, string work, CancellationToken cancellationToken)
    {
        var grammar = Path.Combine(work, "mean.gram");
        var dictionary = Path.Combine(work, "mean.dict");
        var cepstra = Directory.CreateDirectory(Path.Combine(work, "cepstra")).FullName;
        await File.WriteAllTextAsync(grammar, OneWordGrammar, cancellationToken);
        await File.WriteAllTextAsync(dictionary, OneWordDictionary, cancellationToken);
        await RunAsync(pcmFile, ["-jsgf", grammar, "-mfclogdir", cepstra], null, cancellationToken, dictionary);
        var files = new List<byte[]>();
        foreach (var file in Directory.EnumerateFiles(cepstra).Order(StringComparer.Ordinal))
        {
            files.Add(await File.ReadAllBytesAsync(file, cancellationToken));
        }

        var mean = CepstralMean.FromFeatureFiles(files);
        if (mean is null)
        {
            return null;
        }

        // A model without feat.params was trained with the decoder's defaults, which the mean alone leaves as they are.
        var modelFile = Path.Combine(options.ModelDirectory, "en-us", "feat.params");
        var model = File.Exists(modelFile) ? await File.ReadAllTextAsync(modelFile, cancellationToken) : "";
        var parameters = Path.Combine(work, "feat.params");
        await File.WriteAllTextAsync(parameters, CepstralMean.FeatureParameters(model, mean), cancellationToken);
        return parameters;
    }

    private async Task<List<TimedWord>> RunAsync(string pcmFile, IReadOnlyList<string> search, string? featureParameters, CancellationToken cancellationToken,
        string? dictionary = null)
    {
        var output = await ToolProcess.RunAsync(options.Pocketsphinx,
        [
            "-infile", pcmFile,
            "-hmm", Path.Combine(options.ModelDirectory, "en-us"),
            "-dict", dictionary ?? Path.Combine(options.ModelDirectory, "cmudict-en-us.dict"),
            .. search,
            .. featureParameters is null ? [] : new[] { "-featparams", featureParameters },
            "-samprate", Pcm.SampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-time", "yes",
            // The decoder logs its whole configuration on every run; only its exit code and errors matter here.
            "-logfn", "/dev/null",
        ], cancellationToken);
        return DecoderOutput.Words(output);
    }
}
