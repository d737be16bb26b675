using Microsoft.Extensions.Options;

namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>
/// Reads a voice note as English text with pocketsphinx (en-us), out of process: sox converts it to 16 kHz mono PCM,
/// a first pass measures its cepstral mean (<see cref="CepstralMean"/>), the general model decodes it from that mean,
/// every stretch heard as a number is decoded again with a digits-only grammar, and the spoken numbers become digits.
/// At most <see cref="SpeechOptions.Concurrency"/> notes at once, each within <see cref="SpeechOptions.Timeout"/>.
/// </summary>
public sealed class PocketsphinxReader(IOptions<SpeechOptions> options) : IMediaTextReader, IDisposable
{
    public const string SpeechSource = "speech";

    private readonly SemaphoreSlim _gate = new(options.Value.Concurrency);
    private readonly SpeechOptions _options = options.Value;
    private readonly PocketsphinxDecoder _decoder = new(options.Value);

    public string Source => SpeechSource;

    public bool Reads(string contentType) => VoiceFormats.Reads(contentType);

    public async Task<MediaText?> ReadAsync(ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var type = VoiceFormats.Check(content.Span, _options.MaxBytes);
        await _gate.WaitAsync(cancellationToken);
        DirectoryInfo? work = null;
        try
        {
            // The deadline starts once the note's turn comes: waiting in line is the concurrency limit's doing, not the note's.
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(_options.Timeout);
            work = Directory.CreateTempSubdirectory("ticketgrains-speech-");
            return await TranscribeAsync(content, VoiceFormats.SoxType(type, content.Span), work.FullName, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The voice note was not transcribed within {_options.Timeout}.");
        }
        finally
        {
            _gate.Release();
            work?.Delete(recursive: true);
        }
    }

    private async Task<MediaText?> TranscribeAsync(ReadOnlyMemory<byte> content, string soxType, string work, CancellationToken cancellationToken)
    {
        var input = Path.Combine(work, "note");
        var pcm = Path.Combine(work, "note.raw");
        await File.WriteAllBytesAsync(input, content, cancellationToken);
        using var conversion = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        conversion.CancelAfter(_options.ConversionTimeout);
        try
        {
            await ToolProcess.RunAsync(_options.Sox, Pcm.ConversionArguments(input, soxType, pcm, _options.MaxDuration), conversion.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"sox did not convert the voice note within {_options.ConversionTimeout}; it was stopped.");
        }
        catch (SpeechToolException e) when (e.ExitCode is not null)
        {
            // The magic bytes were right but the rest is not audio sox can read: the file's fault, not the server's.
            throw new TicketGrains.Abstractions.Errors.InvalidFieldException(VoiceFormats.FileField, $"The voice note could not be decoded ({e.Message}).");
        }

        var samples = await File.ReadAllBytesAsync(pcm, cancellationToken);
        if (Pcm.Duration(samples.Length) > _options.MaxDuration)
        {
            throw new TicketGrains.Abstractions.Errors.InvalidFieldException(VoiceFormats.FileField,
                $"A voice note may last at most {_options.MaxDuration}; this one is longer.");
        }

        // The note's own cepstral mean first (a fraction of a general pass): the general pass starts from it.
        var featureParameters = await _decoder.MeanAsync(pcm, work, cancellationToken);
        var words = await _decoder.GeneralAsync(pcm, featureParameters, cancellationToken);
        if (words.Count == 0)
        {
            return null;
        }

        var windows = _options.Mode == SpeechModes.Digits ? DigitWindows.Find(words) : [];
        var redecoded = new List<IReadOnlyList<string>>(windows.Count);
        foreach (var window in windows)
        {
            redecoded.Add(await RedecodeAsync(work, samples, window, redecoded.Count, cancellationToken));
        }

        var text = SpokenNumbers.Normalise(string.Join(' ', TranscriptMerge.Merge(words, windows, redecoded)));
        return new MediaText(text, SpeechSource, Math.Round(words.Average(w => w.Confidence), 3));
    }

    private async Task<IReadOnlyList<string>> RedecodeAsync(string work, byte[] samples, DigitWindow window, int index, CancellationToken cancellationToken)
    {
        var grammar = Path.Combine(work, DigitGrammar.FileName(window));
        if (!File.Exists(grammar))
        {
            await File.WriteAllTextAsync(grammar, DigitGrammar.For(window), cancellationToken);
        }

        // The slice is decoded from the model's default mean, as before the note's own mean came in: with the whole
        // note's mean a grammar pass inserted "oh" after "zero" in a note the integration tests read.
        var slice = Path.Combine(work, $"window-{index}.raw");
        await File.WriteAllBytesAsync(slice, Pcm.Slice(samples, window.Start, window.Stop).ToArray(), cancellationToken);
        return (await _decoder.GrammarAsync(slice, grammar, null, cancellationToken)).Select(w => w.Word).ToList();
    }

    public void Dispose() => _gate.Dispose();
}
