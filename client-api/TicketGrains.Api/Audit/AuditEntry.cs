namespace TicketGrains.Api.Audit;

/// <summary>A recorded audit entry: the event, its place in the tenant's chain and the hashes that link it.</summary>
public sealed record AuditEntry(long Sequence, AuditEvent Event, byte[] PreviousHash, byte[] Hash);
