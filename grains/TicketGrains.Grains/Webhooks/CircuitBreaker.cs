namespace TicketGrains.Grains.Webhooks;

/// <summary>
/// An endpoint's circuit: after <c>failures</c> attempts in a row fail it opens and nothing is sent for
/// <c>openFor</c>; then one trial attempt is let through, which closes it on success or opens it again on failure.
/// Retries already wait out the schedule; the breaker also stops a Retry-After of zero, or many pokes, from
/// hammering an endpoint that is down.
/// </summary>
public sealed class CircuitBreaker(int failures, TimeSpan openFor)
{
    private int _failuresInARow;
    private DateTimeOffset? _openUntil;

    /// <summary>Whether an attempt may be made at <paramref name="now"/>.</summary>
    public bool Allows(DateTimeOffset now) => _openUntil is not { } until || now >= until;

    /// <summary>When the circuit lets the next attempt through, if it is open.</summary>
    public DateTimeOffset? OpenUntil => _openUntil;

    public void Record(bool succeeded, DateTimeOffset now)
    {
        if (succeeded)
        {
            (_failuresInARow, _openUntil) = (0, null);
            return;
        }

        _failuresInARow++;
        if (_failuresInARow >= failures)
        {
            _openUntil = now + openFor;
        }
    }
}
