namespace TicketGrains.Api.Audit;

/// <summary>A page of one tenant's audit log, oldest first, after a sequence number, optionally of one action or target.</summary>
public sealed record AuditQuery(string Tenant, long After, int Limit, string? Action, string? Target);
