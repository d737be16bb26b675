using TicketGrains.Grains.AutoFill.Intents;

namespace TicketGrains.Bench;

/// <summary>One evaluation file's score card and the messages the model put in another category.</summary>
public sealed record IntentFileScore(string File, IntentScoreCard Card, IReadOnlyList<(LabelledText Message, string Predicted)> Misses);

/// <summary>
/// A fixed evaluation set (deploy/intents/eval): every "*.tsv" directly in its folder, read as the examples files are
/// (a header, then category TAB text), scored file by file. The training set never reads that folder
/// (<see cref="IntentTrainingSet"/> reads only "*-examples.tsv" at the top of deploy/intents).
/// </summary>
public static class IntentEvaluation
{
    public static IReadOnlyList<LabelledText> Load(string folder)
    {
        var files = Directory.GetFiles(folder, "*.tsv").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new FileNotFoundException($"{Path.GetFullPath(folder)} has no .tsv evaluation file.");
        }

        var rows = new List<LabelledText>();
        foreach (var file in files)
        {
            using var reader = File.OpenText(file);
            rows.AddRange(IntentTrainingSet.ReadExamples(reader, Path.GetFileName(file)));
        }

        return rows;
    }

    public static IReadOnlyList<IntentFileScore> Score(IEnumerable<LabelledText> messages, Func<string, string> classify) =>
    [
        .. messages.GroupBy(m => m.Source).OrderBy(g => g.Key, StringComparer.Ordinal).Select(file =>
        {
            var outcomes = file.Select(m => (Message: m, Predicted: classify(m.Text))).ToList();
            return new IntentFileScore(file.Key, new IntentScoreCard([.. outcomes.Select(o => (o.Message.Category, o.Predicted))]),
                [.. outcomes.Where(o => o.Predicted != o.Message.Category)]);
        }),
    ];
}
