using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using TicketGrains.Grains.AutoFill.Speech;

namespace TicketGrains.Bench.Speech;

/// <summary>
/// Speech to text on synthesised voice notes: for each decoding mode, the share of notes whose order or phone number
/// comes out exactly (as one digit string of the transcript) and the time per note (p50 / p99), overall and per
/// format and noise. usage: speech [--notes 72] [--seed 12] [--modes digits,general] [--verbose]
/// </summary>
public static partial class SpeechBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = Option(args, "--notes", 72);
        var seed = Option(args, "--seed", 12);
        var modes = Value(args, "--modes")?.Split(',') ?? [SpeechModes.Digits, SpeechModes.General];
        var verbose = args.Contains("--verbose");
        var notes = VoiceNoteCorpus.Generate(count, seed);
        var work = Directory.CreateTempSubdirectory("ticketgrains-speech-bench-");
        try
        {
            Console.WriteLine($"date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; machine: nproc {Environment.ProcessorCount}; notes: {count}, seed {seed}");
            var audio = new List<byte[]>(notes.Count);
            foreach (var note in notes)
            {
                audio.Add(await VoiceSynthesis.SpeakAsync(note, work.FullName, CancellationToken.None));
            }

            foreach (var mode in modes)
            {
                using var reader = new PocketsphinxReader(Options.Create(new SpeechOptions { Mode = mode }));
                var results = new List<(VoiceNote Note, bool Exact, double Milliseconds)>();
                for (var i = 0; i < notes.Count; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    var text = (await reader.ReadAsync(audio[i], "audio/" + notes[i].Format, CancellationToken.None))?.Text ?? "";
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    var exact = DigitRuns().Matches(text).Any(m => m.Value == notes[i].Digits);
                    results.Add((notes[i], exact, elapsed));
                    if (verbose)
                    {
                        Console.WriteLine($"  {mode} {notes[i].Label,-22} {(exact ? "ok  " : "MISS")} {notes[i].Digits,-20} {elapsed,6:0} ms  {text}");
                    }
                }

                Report(mode, results);
            }

            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void Report(string mode, List<(VoiceNote Note, bool Exact, double Milliseconds)> results)
    {
        Console.WriteLine();
        Console.WriteLine($"| mode {mode} | notes | digit-string exact match | p50 ms | p99 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Line("all", results);
        foreach (var group in results.GroupBy(r => r.Note.Format))
        {
            Line(group.Key, [.. group]);
        }

        Line("quiet", [.. results.Where(r => !r.Note.Noise)]);
        Line("noise", [.. results.Where(r => r.Note.Noise)]);
        foreach (var group in results.GroupBy(r => r.Note.Voice))
        {
            Line("voice " + group.Key, [.. group]);
        }

        foreach (var group in results.GroupBy(r => r.Note.Stretch))
        {
            Line($"speed x{1 / group.Key:0.00}", [.. group]);
        }

        foreach (var group in results.GroupBy(r => r.Note.Kind))
        {
            Line(group.Key + " numbers", [.. group]);
        }
    }

    private static void Line(string label, List<(VoiceNote Note, bool Exact, double Milliseconds)> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var times = rows.Select(r => r.Milliseconds).Order().ToList();
        var exact = rows.Count(r => r.Exact);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {rows.Count} | {exact}/{rows.Count} = {100.0 * exact / rows.Count:0.0} % | {Percentile(times, 0.50):0} | {Percentile(times, 0.99):0} |"));
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static int Option(string[] args, string name, int fallback) =>
        Value(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? Value(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitRuns();
}
