using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.ReadModel;

/// <summary>
/// One ticket's read-model row, folded from its events exactly as the log holds them: personal fields stay sealed,
/// which the fold never needs to open (the row's only personal column, the subject, is stored as TicketCreated sealed
/// it), so a rebuild needs no key and still writes what the grain wrote. Events must come in log order, versions
/// 1, 2, 3 …; anything else means the log is not what the grains wrote, and the fold refuses it.
/// </summary>
public sealed class TicketRowFold
{
    private readonly TicketState _state = new();
    private long _position;

    public int Version => _state.Version;

    public Guid TicketId => _state.Id;

    public TicketRow Row => _state.Exists ? TicketReadModelRow.From(_state, _state.Subject) : throw new InvalidOperationException("No event folded yet.");

    /// <summary>Folds the next stored event: its log position, stream version, type name and JSON as in tg_events.</summary>
    public void Apply(long position, int version, string eventType, string json)
    {
        if (version != _state.Version + 1 || position <= _position)
        {
            throw new InvalidOperationException(
                $"Ticket {_state.Id}: version {version} at position {position} follows version {_state.Version} at position {_position}.");
        }

        var e = EventSerializer.Deserialize(eventType, json);
        if ((version == 1) != (e is TicketCreated))
        {
            throw new InvalidOperationException($"Ticket {_state.Id}: {eventType} at version {version}.");
        }

        _state.Apply(e);
        _position = position;
    }
}
