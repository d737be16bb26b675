using System.Diagnostics;
using TicketGrains.Grains.AutoFill.Intents;

namespace TicketGrains.Silo;

/// <summary>
/// `dotnet TicketGrains.Silo.dll train-intents --data deploy/intents --out .data/intents/intent-model.zip [--seed N]`:
/// trains the category model on every message of the data folder and writes it (deploy/local/intent-model.sh runs it
/// when the model is missing). The same data and seed give the same model. Exits 0 when written, 2 on bad arguments,
/// 1 when the data cannot be read.
/// </summary>
public static class TrainIntentsCommand
{
    public const string Name = "train-intents";

    public static int Run(string[] args)
    {
        if (!TryParse(args, out var data, out var output, out var seed))
        {
            Console.Error.WriteLine($"usage: TicketGrains.Silo.dll {Name} --data <folder> --out <model file> [--seed <int>]");
            return 2;
        }

        try
        {
            var clock = Stopwatch.StartNew();
            var examples = IntentTrainingSet.Load(data);
            IntentModelTrainer.Train(examples, seed).Save(output);
            Console.WriteLine($"{Name}: {examples.Count} messages from {Path.GetFullPath(data)}, seed {seed}, " +
                $"{clock.Elapsed.TotalSeconds:F1} s: wrote {Path.GetFullPath(output)}");
            return 0;
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{Name}: {e.Message}");
            return 1;
        }
    }

    private static bool TryParse(string[] args, out string data, out string output, out int seed)
    {
        (data, output, seed) = ("", "", IntentModelTrainer.DefaultSeed);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--data": data = args[i + 1]; break;
                case "--out": output = args[i + 1]; break;
                case "--seed" when int.TryParse(args[i + 1], out var parsed): seed = parsed; break;
                default: return false;
            }
        }

        return args.Length % 2 == 0 && data.Length > 0 && output.Length > 0;
    }
}
