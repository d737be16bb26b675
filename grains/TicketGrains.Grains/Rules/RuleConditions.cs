namespace TicketGrains.Grains.Rules;

/// <summary>Every condition in <see cref="All"/> must hold, and at least one in <see cref="Any"/> when it has any.</summary>
public sealed class RuleConditions
{
    public List<RuleCondition>? All { get; init; }
    public List<RuleCondition>? Any { get; init; }
}
