namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// Which ticket events a tenant's rules react to: the rule event kinds with at least one enabled trigger, and whether
/// it has enabled time rules (which follow every status change). The trigger subscriber reads the data of only those.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.RuleInterest")]
public sealed record RuleInterest(
    [property: Id(0)] IReadOnlyList<string> EventKinds,
    [property: Id(1)] bool TimeRules);
