namespace TicketGrains.Bench;

/// <summary>F1 per category and their unweighted mean (macro-F1) over (expected, predicted) pairs.</summary>
public sealed class IntentScoreCard(IReadOnlyList<(string Expected, string Predicted)> outcomes)
{
    public int Count => outcomes.Count;

    public double Accuracy => outcomes.Count(o => o.Expected == o.Predicted) / (double)outcomes.Count;

    /// <summary>The categories that occur as expected in the test set, in code order.</summary>
    public IReadOnlyList<string> Categories { get; } = [.. outcomes.Select(o => o.Expected).Distinct().Order(StringComparer.Ordinal)];

    public double MacroF1 => Categories.Average(F1);

    public int Support(string category) => outcomes.Count(o => o.Expected == category);

    public double F1(string category)
    {
        var truePositives = outcomes.Count(o => o.Expected == category && o.Predicted == category);
        var predicted = outcomes.Count(o => o.Predicted == category);
        var expected = Support(category);
        return truePositives == 0 ? 0 : 2.0 * truePositives / (predicted + expected);
    }
}
