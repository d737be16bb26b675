using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.AutoFill.Intents;

/// <summary>
/// A trained category model, safe to call from many threads: ML.NET's prediction engines are not, so each call borrows
/// one from a pool (created on demand, at most one per concurrent caller, kept for the next).
/// </summary>
public sealed class IntentModel
{
    /// <summary>How many categories after the best one a classification lists.</summary>
    public const int AlternativeCount = 3;

    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly DataViewSchema _inputSchema;
    private readonly string[] _categories;
    private readonly ConcurrentBag<PredictionEngine<IntentRow, IntentScores>> _engines = [];

    public IntentModel(MLContext ml, ITransformer transformer, DataViewSchema inputSchema)
    {
        (_ml, _transformer, _inputSchema) = (ml, transformer, inputSchema);
        var slots = default(VBuffer<ReadOnlyMemory<char>>);
        transformer.GetOutputSchema(inputSchema)["Score"].GetSlotNames(ref slots);
        _categories = [.. slots.DenseValues().Select(s => s.ToString())];
    }

    /// <summary>The categories the model knows, in its score order.</summary>
    public IReadOnlyList<string> Categories => _categories;

    public static IntentModel Load(string path)
    {
        var ml = new MLContext();
        using var file = File.OpenRead(path);
        var transformer = ml.Model.Load(file, out var schema);
        return new IntentModel(ml, transformer, schema);
    }

    /// <summary>Writes the model to a temporary file beside the path, then moves it there: a reader never sees half a model.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var partial = path + ".partial-" + Environment.ProcessId;
        using (var file = File.Create(partial))
        {
            _ml.Model.Save(_transformer, _inputSchema, file);
        }

        File.Move(partial, path, overwrite: true);
    }

    public IntentClassification Classify(string text)
    {
        var engine = _engines.TryTake(out var pooled) ? pooled : _ml.Model.CreatePredictionEngine<IntentRow, IntentScores>(_transformer);
        float[] scores;
        try
        {
            scores = engine.Predict(new IntentRow { Words = IntentText.Words(text) }).Score;
        }
        finally
        {
            _engines.Add(engine);
        }

        var ranked = scores.Select((score, i) => new CategoryConfidence(_categories[i], Math.Round(score, 4)))
            .OrderByDescending(c => c.Confidence).ThenBy(c => c.Category, StringComparer.Ordinal).Take(AlternativeCount + 1).ToList();
        return new IntentClassification(ranked[0].Category, ranked[0].Confidence, ranked[1..]);
    }
}
