namespace TicketGrains.Api.Surges;

/// <summary>The body of PUT /api/v1/surges/settings: every member optional, a missing one off (or no text, no queue).</summary>
public sealed record SurgeSettingsRequest(bool? OpenProblemTicket, bool? NotifyCustomers, Dictionary<string, string?>? Notice, string? SurgeQueue);
