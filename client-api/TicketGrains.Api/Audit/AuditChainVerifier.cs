namespace TicketGrains.Api.Audit;

/// <summary>
/// Recomputes a tenant's chain entry by entry (in sequence order) and stops at the first problem: a sequence gap, an
/// entry whose content does not match its hash, an entry not linked to the one before it, or a chain end that differs
/// from the recorded head (newest entries removed, or entries added behind the writer's back).
/// </summary>
public sealed class AuditChainVerifier
{
    private long _lastSequence;
    private byte[] _lastHash = AuditChain.Genesis;

    /// <summary>Entries found intact so far.</summary>
    public long Checked { get; private set; }

    /// <summary>The problem this entry shows, or null when it extends the chain correctly.</summary>
    public AuditProblem? Next(AuditEntry entry)
    {
        var expected = _lastSequence + 1;
        if (entry.Sequence != expected)
        {
            return entry.Sequence > expected
                ? new AuditProblem(expected, AuditProblemKinds.Removed, $"Entries {expected} to {entry.Sequence - 1} are missing.")
                : new AuditProblem(entry.Sequence, AuditProblemKinds.Inserted, $"Entry {entry.Sequence} appears out of order.");
        }

        if (!entry.Hash.AsSpan().SequenceEqual(AuditChain.HashOf(entry.PreviousHash, entry.Sequence, entry.Event)))
        {
            return new AuditProblem(entry.Sequence, AuditProblemKinds.Altered, $"Entry {entry.Sequence} does not match its hash: its content was changed.");
        }

        if (!entry.PreviousHash.AsSpan().SequenceEqual(_lastHash))
        {
            return new AuditProblem(entry.Sequence, AuditProblemKinds.BrokenLink,
                $"Entry {entry.Sequence} does not link to entry {_lastSequence}: that entry was changed and re-hashed, or this one was forged.");
        }

        (_lastSequence, _lastHash) = (entry.Sequence, entry.Hash);
        Checked++;
        return null;
    }

    /// <summary>The problem at the chain's end, comparing it with the head the writer recorded (null: no entry ever written).</summary>
    public AuditProblem? Finish(long? headSequence, byte[]? headHash)
    {
        var head = headSequence ?? 0;
        if (head > _lastSequence)
        {
            return new AuditProblem(_lastSequence + 1, AuditProblemKinds.Removed,
                $"The chain ends at entry {_lastSequence} but {head} were written: the newest entries were removed.");
        }

        if (head < _lastSequence)
        {
            return new AuditProblem(head + 1, AuditProblemKinds.Inserted,
                $"Entries {head + 1} to {_lastSequence} were added after the last entry the log wrote ({head}).");
        }

        return head > 0 && !(headHash ?? []).AsSpan().SequenceEqual(_lastHash)
            ? new AuditProblem(head, AuditProblemKinds.BrokenLink, $"Entry {head} is not the entry the log wrote last: it was replaced.")
            : null;
    }
}
