namespace TicketGrains.Api.Audit;

/// <summary>The first place where a tenant's audit chain is not what the writer left.</summary>
/// <param name="Sequence">Where it shows: the altered entry, the first missing one, or the first unexpected one.</param>
/// <param name="Kind">One of <see cref="AuditProblemKinds"/>.</param>
/// <param name="Detail">What was found, in words.</param>
public sealed record AuditProblem(long Sequence, string Kind, string Detail);

/// <summary>The kinds of <see cref="AuditProblem"/>.</summary>
public static class AuditProblemKinds
{
    /// <summary>An entry's content no longer matches its hash.</summary>
    public const string Altered = "altered";

    /// <summary>Entries are missing: a gap in the sequence, or fewer entries than the chain head says.</summary>
    public const string Removed = "removed";

    /// <summary>Entries the writer did not write: beyond the chain head.</summary>
    public const string Inserted = "inserted";

    /// <summary>An entry does not link to the one before it: that one was re-hashed after a change, or this one was forged.</summary>
    public const string BrokenLink = "broken-link";
}
