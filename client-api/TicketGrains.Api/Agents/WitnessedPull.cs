using TicketGrains.Abstractions.Grains;
using TicketGrains.Api.Audit;
using TicketGrains.Grains.Agents;

namespace TicketGrains.Api.Agents;

/// <summary>
/// The audit entries of one pull. Each ticket the agent grain is about to claim gets its "pull" entry started at once,
/// so it commits while the claim does; once the call is over, <see cref="SettleAsync"/> waits for the handed ticket's
/// entry (writing it then if no note came) and follows every other started entry with a "pull-abandoned" one, so the
/// trail never claims a hand-out that did not happen. The caller hears of success only once its entry is durable.
/// A pull that ends in an error for its caller (the caller left, the call failed, the entry could not be written) also
/// gives back what it may have claimed (<see cref="GiveBackInBackground"/>): the agent never saw the ticket, so it
/// goes back to its queue now rather than at its accept deadline.
/// </summary>
public sealed class WitnessedPull : IDisposable
{
    private readonly IAuditTrail _trail;
    private readonly AuditEvent _template;
    private readonly Action<Guid> _forget;
    private readonly TimeProvider _time;
    private readonly Func<PullWitnessing, IReadOnlyList<Guid>, Task> _giveBack;
    private readonly ILogger _logger;
    private readonly List<(Guid Ticket, Task Entry)> _started = [];
    private readonly long _trace = PullTrace.Current;
    private bool _settled;

    /// <summary>
    /// A pull whose entries go to <paramref name="trail"/>, made from <paramref name="template"/> (tenant, actor, address,
    /// detail). <paramref name="giveBack"/> asks the agent grain to give back what the pull handed and each named ticket it
    /// still holds unaccepted (<see cref="IAgentGrain.GiveBackUnansweredAsync"/>).
    /// </summary>
    public WitnessedPull(
        IAuditTrail trail, AuditEvent template, IPullWitness witness, Func<PullWitnessing, IReadOnlyList<Guid>, Task> giveBack,
        Action<Guid> forget, TimeProvider time, ILogger logger)
    {
        (_trail, _template, _giveBack, _forget, _time, _logger) = (trail, template, giveBack, forget, time, logger);
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
    public async Task SettleAsync(Guid? handed, string notHandedBecause)
    {
        var started = Settle();
        try
        {
            await SettleStartedAsync(started, handed, notHandedBecause);
        }
        catch (Exception) when (handed is { } ticketId)
        {
            // The caller hears of an error, not of the ticket, so nobody would work on it until its deadline.
            GiveBackInBackground([ticketId]);
            throw;
        }
    }

    /// <summary>
    /// The call failed (or the caller left): whatever it claimed is given back, and every started entry is taken back.
    /// The call's own error is what the caller must see, so trouble here goes to the log.
    /// </summary>
    public async Task SettleAfterFailureAsync(Exception failure)
    {
        var started = Settle();
        GiveBackInBackground([.. started.Select(s => s.Ticket)]);
        try
        {
            await SettleStartedAsync(started, null, $"the pull failed: error={failure.GetType().Name}");
        }
        catch (Exception auditError)
        {
            _logger.LogWarning(auditError, "Could not take back the audit entries of a failed pull");
        }
    }

    public void Dispose() => _forget(Witnessing.PullId);

    /// <summary>
    /// Not awaited by the request: the give-back waits behind the pull's own turn in the agent grain, and a caller who
    /// is still there should hear of its error without that wait. A give-back that fails leaves the claim to its deadline.
    /// </summary>
    private void GiveBackInBackground(IReadOnlyList<Guid> named)
    {
        Task giving;
        try
        {
            giving = _giveBack(Witnessing, named);
        }
        catch (Exception failure)
        {
            giving = Task.FromException(failure);
        }

        giving.ContinueWith(
            t => _logger.LogWarning(t.Exception, "Could not give back the claims of an unanswered pull; they go back at their accept deadline"),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private Task SettleStartedAsync(List<(Guid Ticket, Task Entry)> started, Guid? handed, string notHandedBecause)
    {
        var waits = started.Select(s => s.Ticket == handed ? s.Entry : AbandonAsync(s.Ticket, s.Entry, notHandedBecause)).ToList();
        if (handed is { } ticketId && !started.Exists(s => s.Ticket == ticketId))
        {
            // No note came before the answer (lost, or late): the entry is written now, after the claim.
            waits.Add(_trail.RecordAsync(Entry(AuditActions.Pull, ticketId, _template.Detail)));
        }

        return Task.WhenAll(waits);
    }

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
