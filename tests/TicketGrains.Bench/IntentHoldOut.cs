using TicketGrains.Grains.AutoFill.Intents;

namespace TicketGrains.Bench;

/// <summary>
/// The seeded split the intent benchmark measures on: within each (file, category) the messages are shuffled with the
/// seed and the first fifth is held back, so every category of every file is tested and never trained on.
/// </summary>
public static class IntentHoldOut
{
    public static (List<LabelledText> Train, List<LabelledText> Test) Split(IReadOnlyList<LabelledText> examples, int seed)
    {
        var random = new Random(seed);
        var (train, test) = (new List<LabelledText>(), new List<LabelledText>());
        foreach (var group in examples.GroupBy(e => (e.Source, e.Category)).OrderBy(g => g.Key.Source, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Category, StringComparer.Ordinal))
        {
            var shuffled = group.ToArray();
            random.Shuffle(shuffled);
            var held = shuffled.Length / 5;
            test.AddRange(shuffled[..held]);
            train.AddRange(shuffled[held..]);
        }

        return (train, test);
    }
}
