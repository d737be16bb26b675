namespace TicketGrains.Grains.Agents;

/// <summary>
/// The ticket each of an agent's last few witnessed pulls handed out, by pull id. When a pull's answer never reaches
/// its caller (the caller left, or the answer was lost on the way back), the front end names the pull and the agent
/// grain gives that ticket back at once instead of at the claim's accept deadline. Only the last few are kept: the give-back
/// follows its pull directly (the grain runs one call at a time), so an older entry is one nobody will ask for.
/// </summary>
public sealed class PullHandOuts
{
    /// <summary>Pulls remembered; more than one agent's browser tabs pull at once.</summary>
    public const int Kept = 16;

    private readonly Dictionary<Guid, Guid> _ticketByPull = [];
    private readonly Queue<Guid> _order = new();

    public void Handed(Guid pullId, Guid ticketId)
    {
        if (_ticketByPull.TryAdd(pullId, ticketId))
        {
            _order.Enqueue(pullId);
        }
        else
        {
            _ticketByPull[pullId] = ticketId;
        }

        while (_order.Count > Kept)
        {
            _ticketByPull.Remove(_order.Dequeue());
        }
    }

    /// <summary>The ticket the pull handed, once: null when it handed none, or so long ago it was forgotten.</summary>
    public Guid? Forget(Guid pullId) => _ticketByPull.Remove(pullId, out var ticketId) ? ticketId : null;
}
