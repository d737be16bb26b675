namespace TicketGrains.Api.Observability;

/// <summary>One check of a probe: its status and why.</summary>
public sealed record HealthEntry(string Status, string? Description);
