namespace TicketGrains.Grains.AutoFill.Intents;

/// <summary>
/// Training weights that even out the (category, language) groups: each message weighs the square root of (mean group
/// size / its group's size). Bitext brings hundreds of English messages per category (1,400 for "account") and none for
/// two of them, the project's own files a few dozen per category in Chinese: unweighted, the model learns that a message
/// is probably English "account" and that Chinese barely matters. Fully balanced weights (no square root) made each
/// Chinese example count as much as thirty English ones and measured slightly worse on held-back Chinese and English
/// than the square root (docs/benchmarks.md).
/// </summary>
public static class IntentWeights
{
    public static IReadOnlyList<float> Balanced(IReadOnlyList<LabelledText> examples)
    {
        var groups = examples.Select(Group).ToList();
        var sizes = groups.CountBy(g => g).ToDictionary(p => p.Key, p => p.Value);
        var meanSize = (double)examples.Count / sizes.Count;
        return groups.Select(g => (float)Math.Sqrt(meanSize / sizes[g])).ToList();
    }

    /// <summary>Whether a text has any CJK ideograph: the language group it trains.</summary>
    public static bool IsChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf');

    private static (string Category, bool Chinese) Group(LabelledText example) => (example.Category, IsChinese(example.Text));
}
