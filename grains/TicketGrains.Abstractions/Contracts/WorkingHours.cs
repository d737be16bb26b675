namespace TicketGrains.Abstractions.Contracts;

/// <summary>One working interval of a week day, local time: <c>{"day":"monday","start":"09:00","end":"18:00"}</c> ("24:00" ends at midnight).</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.WorkingHours")]
public sealed record class WorkingHours
{
    [Id(0)] public string? Day { get; init; }
    [Id(1)] public string? Start { get; init; }
    [Id(2)] public string? End { get; init; }
}
