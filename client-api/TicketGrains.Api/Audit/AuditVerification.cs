namespace TicketGrains.Api.Audit;

/// <summary>The outcome of recomputing a tenant's chain.</summary>
/// <param name="Intact">Whether the whole chain recomputes and ends at the recorded head.</param>
/// <param name="Checked">Entries found intact before the first problem (all of them when intact).</param>
/// <param name="HeadSequence">The last sequence number the log wrote for the tenant (0 when none).</param>
/// <param name="Problem">The first problem, or null when intact.</param>
public sealed record AuditVerification(bool Intact, long Checked, long HeadSequence, AuditProblem? Problem);
