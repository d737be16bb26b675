namespace TicketGrains.Api.Observability;

/// <summary>What a probe answers: the overall status ("healthy", "degraded" or "unhealthy") and each check's.</summary>
public sealed record HealthBody(string Status, IReadOnlyDictionary<string, HealthEntry> Checks);
