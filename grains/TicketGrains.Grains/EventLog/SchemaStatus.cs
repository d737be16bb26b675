namespace TicketGrains.Grains.EventLog;

/// <summary>The schema's condition and, unless it is whole, what is wrong in words an operator can act on.</summary>
public sealed record SchemaStatus(SchemaCondition Condition, string Detail)
{
    public static SchemaStatus Whole { get; } = new(SchemaCondition.Whole, "");

    public bool IsWhole => Condition == SchemaCondition.Whole;
}
