namespace TicketGrains.Grains.Agents;

/// <summary>
/// The tickets an agent holds, by channel kind, against its capacity. An empty capacity means no limit; otherwise a
/// kind it does not name has room for none. Holding and releasing are idempotent, so a ticket told twice counts once.
/// </summary>
public sealed class AgentLoad
{
    private readonly Dictionary<Guid, string> _held = [];

    public IReadOnlyCollection<Guid> Held => _held.Keys;

    public void Hold(Guid ticketId, string kind) => _held[ticketId] = kind;

    public void Release(Guid ticketId) => _held.Remove(ticketId);

    /// <summary>Replaces what is held with what the read model says (after activation, or before refusing for lack of room).</summary>
    public void Replace(IEnumerable<(Guid TicketId, string Kind)> held)
    {
        _held.Clear();
        foreach (var (id, kind) in held)
        {
            _held[id] = kind;
        }
    }

    public int Count(string kind) => _held.Values.Count(k => k == kind);

    public IReadOnlyDictionary<string, int> ByKind() => _held.Values.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Room left per kind the capacity names; empty when the capacity is unlimited.</summary>
    public IReadOnlyDictionary<string, int> Room(IReadOnlyDictionary<string, int> capacity) =>
        capacity.ToDictionary(c => c.Key, c => Math.Max(0, c.Value - Count(c.Key)), StringComparer.Ordinal);

    /// <summary>The kinds with room left; null when the capacity is unlimited.</summary>
    public IReadOnlySet<string>? RoomFor(IReadOnlyDictionary<string, int> capacity) => capacity.Count == 0
        ? null
        : Room(capacity).Where(r => r.Value > 0).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);

    public bool HasRoom(string kind, IReadOnlyDictionary<string, int> capacity) =>
        capacity.Count == 0 || Count(kind) < capacity.GetValueOrDefault(kind);

    /// <summary>Whether every kind the capacity names is full (an unlimited capacity never is).</summary>
    public bool Full(IReadOnlyDictionary<string, int> capacity) => capacity.Count > 0 && RoomFor(capacity)!.Count == 0;
}
