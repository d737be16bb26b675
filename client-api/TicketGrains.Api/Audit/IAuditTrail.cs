namespace TicketGrains.Api.Audit;

/// <summary>Where audit events go. A returned task completes only once the entry is durable in its tenant's chain.</summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditEvent auditEvent);
}
