namespace TicketGrains.Api.Audit;

/// <summary>Something to record, before the log gives it a sequence number and a place in the tenant's chain.</summary>
/// <param name="Tenant">Whose chain the entry joins.</param>
/// <param name="At">When it happened (stored to the microsecond).</param>
/// <param name="Actor">The credential's subject (a user, or "apikey:{id}").</param>
/// <param name="Action">One of <see cref="AuditActions"/>.</param>
/// <param name="Target">What was acted on, as "kind:id" (ticket:…, customer:…, role:…, api-key:…).</param>
/// <param name="ClientAddress">The address the request came from, as the server saw it.</param>
/// <param name="Detail">A short note without personal data (new status, row count, whether data was unmasked).</param>
public sealed record AuditEvent(string Tenant, DateTimeOffset At, string Actor, string Action, string Target, string ClientAddress, string Detail);
