using TicketGrains.Abstractions.Grains;
using TicketGrains.Api.Audit;
using TicketGrains.Grains.Agents;

namespace TicketGrains.Api.Agents;

/// <summary>
/// The audit entries of one pull. Each ticket the agent grain is about to claim gets its "pull" entry started at once,
/// so it commits while the claim does; once the call is over, <see cref="SettleAsync"/> waits for the handed ticket's
/// entry (writing it then if no note came) and follows every other started entry with a "pull-abandoned" one, so the
/// trail never claims a hand-out that did not happen. The caller hears of success only once its entry is durable.
/// </summary>
public sealed class WitnessedPull : IDisposable
{
    private readonly IAuditTrail _trail;
    private readonly AuditEvent _template;
    private readonly Action<Guid> _forget;
    private readonly TimeProvider _time;
    private readonly List<(Guid Ticket, Task Entry)> _started = [];
    private readonly long _trace = PullTrace.Current;
    private bool _settled;

    public WitnessedPull(IAuditTrail trail, AuditEvent template, IPullWitness witness, Action<Guid> forget, TimeProvider time)
    {
        (_trail, _template, _forget, _time) = (trail, template, forget, time);
        Witnessing = new PullWitnessing(witness, Guid.NewGuid());
    }

    /// <summary>What the agent grain is given, to tell this pull of its claims.</summary>
    public PullWitnessing Witnessing { get; }

    /// <summary>The agent grain is about to claim <paramref name="ticketId"/>. Notes after the pull settled are ignored.</summary>
    public void Claiming(Guid ticketId)
    {
        lock (_started)
        {
            if (!_settled && !_started.Exists(s => s.Ticket == ticketId))
            {
                PullTrace.Mark(_trace, "witness-note");
                var entry = _trail.RecordAsync(Entry(AuditActions.Pull, ticketId, _template.Detail));
                TraceWhenWritten(entry);
                _started.Add((ticketId, entry));
            }
        }
    }

    /// <summary>
    /// The call is over and handed <paramref name="handed"/> (null: nothing, or it was given back because
    /// <paramref name="notHandedBecause"/>). Throws when an entry could not be written, as every audited command does.
    /// </summary>
    public Task SettleAsync(Guid? handed, string notHandedBecause)
    {
        var started = Settle();
        var waits = started.Select(s => s.Ticket == handed ? s.Entry : AbandonAsync(s.Ticket, s.Entry, notHandedBecause)).ToList();
        if (handed is { } ticketId && !started.Exists(s => s.Ticket == ticketId))
        {
            // No note came before the answer (lost, or late): the entry is written now, after the claim.
            waits.Add(_trail.RecordAsync(Entry(AuditActions.Pull, ticketId, _template.Detail)));
        }

        return Task.WhenAll(waits);
    }

    /// <summary>
    /// The call failed: every started entry is taken back. The call's own error is what the caller must see, so the
    /// audit store's trouble here goes to the log.
    /// </summary>
    public async Task SettleAfterFailureAsync(Exception failure, ILogger logger)
    {
        try
        {
            await SettleAsync(null, $"the pull failed: error={failure.GetType().Name}");
        }
        catch (Exception auditError)
        {
            logger.LogWarning(auditError, "Could not take back the audit entries of a failed pull");
        }
    }

    public void Dispose() => _forget(Witnessing.PullId);

    [System.Diagnostics.Conditional("PULL_TRACE")]
    private void TraceWhenWritten(Task entry)
    {
        var trace = _trace;
        entry.ContinueWith(_ => PullTrace.Mark(trace, "audit-done"), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private List<(Guid Ticket, Task Entry)> Settle()
    {
        lock (_started)
        {
            _settled = true;
            return [.. _started];
        }
    }

    private async Task AbandonAsync(Guid ticketId, Task entry, string because)
    {
        try
        {
            await entry;
        }
        catch (Exception)
        {
            // Its "pull" entry was never written, so there is nothing to take back; the pull's outcome is what counts.
            return;
        }

        await _trail.RecordAsync(Entry(AuditActions.PullAbandoned, ticketId, because));
    }

    // Stamped when written: a long-poll may hand its ticket many seconds after the pull began.
    private AuditEvent Entry(string action, Guid ticketId, string detail) =>
        _template with { At = _time.GetUtcNow(), Action = action, Target = $"ticket:{ticketId}", Detail = detail };
}
