namespace TicketGrains.LinkingBench;

/// <summary>
/// Links and proposals counted by the linker's reason, right (one person) or wrong: which rule makes the wrong links
/// and which holds back the right ones. Reasons name kinds of key only, so they group without values.
/// </summary>
public sealed class ReasonTally
{
    private readonly SortedDictionary<string, (int Right, int Wrong)> _counts = new(StringComparer.Ordinal);

    public void Add(string what, string reason, bool right)
    {
        var (r, w) = _counts.GetValueOrDefault($"{what}: {reason}");
        _counts[$"{what}: {reason}"] = right ? (r + 1, w) : (r, w + 1);
    }

    public void Print()
    {
        Console.WriteLine("| decision: reason | right | wrong |");
        Console.WriteLine("| --- | --- | --- |");
        foreach (var (reason, (right, wrong)) in _counts)
        {
            Console.WriteLine($"| {reason} | {right} | {wrong} |");
        }
    }
}
