namespace TicketGrains.Grains.Metering;

/// <summary>What one committed event adds to its tenant's usage in the hour it was recorded; <paramref name="Agent"/> is the agent it shows acting (a seat).</summary>
public readonly record struct UsageCount(int Tickets, int Messages, int AutomationRuns, long StorageBytes, string? Agent)
{
    public static UsageCount Nothing { get; } = default;

    public bool IsNothing => this == Nothing;
}
