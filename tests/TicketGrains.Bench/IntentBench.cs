using System.Diagnostics;
using TicketGrains.Grains.AutoFill.Intents;

namespace TicketGrains.Bench;

/// <summary>
/// `TicketGrains.Bench intents --data deploy/intents [--seed N] [--calls N]`: trains the category model on four fifths of
/// each training file (<see cref="IntentHoldOut"/>), reports macro-F1 and F1 per category on the held-back fifth of each
/// file, then times in-process classification of the held-back messages on one thread (p50, p99). Run by
/// deploy/local/intent-bench.sh. With `--eval deploy/intents/eval` it instead trains on every training message (as
/// `train-intents` does) and scores each file of that fixed evaluation set (<see cref="IntentEvaluation"/>), listing the
/// messages it got wrong; run by deploy/local/intent-eval.sh.
/// </summary>
public static class IntentBench
{
    public static int Run(string[] args)
    {
        var (data, seed, calls, eval) = ("deploy/intents", IntentModelTrainer.DefaultSeed, 20_000, (string?)null);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            (data, seed, calls, eval) = args[i] switch
            {
                "--data" => (args[i + 1], seed, calls, eval),
                "--seed" => (data, int.Parse(args[i + 1]), calls, eval),
                "--calls" => (data, seed, int.Parse(args[i + 1]), eval),
                "--eval" => (data, seed, calls, args[i + 1]),
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        if (eval is not null)
        {
            return Evaluate(data, eval, seed);
        }

        var (train, test) = IntentHoldOut.Split(IntentTrainingSet.Load(data), seed);
        var clock = Stopwatch.StartNew();
        var model = IntentModelTrainer.Train(train, seed);
        Console.WriteLine($"trained on {train.Count} messages in {clock.Elapsed.TotalSeconds:F1} s (seed {seed}); held back {test.Count}");
        foreach (var file in test.GroupBy(t => t.Source).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Report(file.Key, new IntentScoreCard([.. file.Select(t => (t.Category, model.Classify(t.Text).Category))]));
        }

        Report("all held back", new IntentScoreCard([.. test.Select(t => (t.Category, model.Classify(t.Text).Category))]));
        Time(model, test, calls);
        return 0;
    }

    private static int Evaluate(string data, string eval, int seed)
    {
        var (train, messages) = (IntentTrainingSet.Load(data), IntentEvaluation.Load(eval));
        var clock = Stopwatch.StartNew();
        var model = IntentModelTrainer.Train(train, seed);
        Console.WriteLine($"trained on all {train.Count} messages in {clock.Elapsed.TotalSeconds:F1} s (seed {seed}); evaluating {messages.Count} from {eval}");
        foreach (var file in IntentEvaluation.Score(messages, text => model.Classify(text).Category))
        {
            Report(file.File, file.Card);
            Console.WriteLine($"  misclassified ({file.Misses.Count}):");
            foreach (var (message, predicted) in file.Misses)
            {
                Console.WriteLine($"    {message.Category} -> {predicted}: {message.Text}");
            }
        }

        return 0;
    }

    private static void Report(string name, IntentScoreCard card)
    {
        Console.WriteLine($"\n{name}: {card.Count} messages, macro-F1 {card.MacroF1:F3}, accuracy {card.Accuracy:F3}");
        foreach (var category in card.Categories)
        {
            Console.WriteLine($"  {category,-20} F1 {card.F1(category):F3}  ({card.Support(category)})");
        }
    }

    private static void Time(IntentModel model, List<LabelledText> test, int calls)
    {
        foreach (var warm in test)
        {
            model.Classify(warm.Text);
        }

        var histogram = new LatencyHistogram();
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            model.Classify(test[i % test.Count].Text);
            histogram.RecordSince(start);
        }

        Console.WriteLine($"\nin-process classify, {calls} calls on one thread: p50 {histogram.PercentileMs(0.5):F3} ms, " +
            $"p99 {histogram.PercentileMs(0.99):F3} ms, max {histogram.PercentileMs(1):F3} ms");
    }
}
