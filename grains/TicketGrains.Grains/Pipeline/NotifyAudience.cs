namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// Who a commit notification is for. Only other silos need one: this silo's own commits wake its pumps directly
/// (<see cref="PipelineWakeup.Committed"/>), so a lone silo sends none, and a silo ignores the echo of its own.
/// </summary>
public static class NotifyAudience
{
    /// <summary>
    /// Whether any other silo may be listening: one that is not known dead. A silo that joins after this view is found
    /// by its pumps' polling until the view names it, as a lost notification would be.
    /// </summary>
    public static bool OthersListening(IEnumerable<(SiloAddress Silo, SiloStatus Status)> members, SiloAddress self) =>
        members.Any(m => !m.Silo.Equals(self) && m.Status is not (SiloStatus.Dead or SiloStatus.None));

    /// <summary>Whether a heard notification is this silo's own (its payload names the sender).</summary>
    public static bool IsEcho(string payload, string self) => string.Equals(payload, self, StringComparison.Ordinal);
}
