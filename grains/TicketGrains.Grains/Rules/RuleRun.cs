using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Rules;

/// <summary>Parses the rule versions handed to a ticket (validated when written) into the engine's input.</summary>
public static class RuleRun
{
    public static IReadOnlyList<(string Id, RuleDocument Rule)> Parse(IReadOnlyList<RuleVersion> rules) =>
        [.. rules.Select(v => (v.Id, RuleValidator.Parse(v.Document, []) ?? throw new InvalidOperationException($"Stored rule {v.Id} v{v.Version} does not parse.")))];
}
