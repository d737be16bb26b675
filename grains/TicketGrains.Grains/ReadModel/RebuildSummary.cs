namespace TicketGrains.Grains.ReadModel;

/// <summary>What a rebuild swapped in: how many tickets, folded from the log up to which position.</summary>
public sealed record RebuildSummary(long Tickets, long Position);
