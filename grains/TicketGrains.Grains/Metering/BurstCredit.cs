namespace TicketGrains.Grains.Metering;

/// <summary>A promotion window: every quota of a period that starts in [<paramref name="From"/>, <paramref name="To"/>) is raised by <paramref name="ExtraPercent"/>.</summary>
public sealed record BurstCredit(DateTimeOffset From, DateTimeOffset To, int ExtraPercent);
