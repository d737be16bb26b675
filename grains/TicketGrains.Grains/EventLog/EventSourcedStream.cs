using TicketGrains.Grains.Encryption;
using TicketGrains.Grains.ReadModel;


namespace TicketGrains.Grains.EventLog;

/// <summary>
/// Loads and appends one event stream for a grain: snapshot (if any) plus the events after it, and
/// one event per append at the next version. Shared by the ticket, customer and identity grains. With a codec, events
/// are stored sealed and the state holds them open.
/// </summary>
internal sealed class EventSourcedStream<TState>(
    IEventLog log, string tenantId, string streamId, Func<TState> empty, Action<TState, IDomainEvent> apply, PersonalEventCodec<TState>? codec = null)
    where TState : class
{
    public TState State { get; private set; } = empty();

    public int Version { get; private set; }

    public bool Loaded { get; private set; }

    /// <summary>The version of the snapshot the last load started from; 0 when it replayed from the start.</summary>
    public int SnapshotVersion { get; private set; }

    public string TenantId => tenantId;

    public string StreamId => streamId;

    public async Task LoadAsync(Func<string, ValueTask<TState?>>? fromSnapshot = null)
    {
        State = empty();
        Version = 0;
        SnapshotVersion = 0;
        IReadOnlyList<StoredEvent> events;
        if (fromSnapshot is null)
        {
            events = await log.ReadStreamAsync(tenantId, streamId, 0);
        }
        else
        {
            var (snapshot, afterSnapshot) = await log.ReadFromSnapshotAsync(tenantId, streamId);
            if (snapshot is null)
            {
                events = afterSnapshot;
            }
            else if (await fromSnapshot(snapshot.Value.Json) is { } restored)
            {
                (State, Version, SnapshotVersion) = (restored, snapshot.Value.Version, snapshot.Value.Version);
                events = afterSnapshot;
            }
            else
            {
                // A snapshot this code cannot read (an older shape): the whole stream instead.
                events = await log.ReadStreamAsync(tenantId, streamId, 0);
            }
        }

        foreach (var stored in events)
        {
            var e = EventSerializer.Deserialize(stored.EventType, stored.Json);
            apply(State, codec is null ? e : await codec.OpenAsync(e, State));
            Version = stored.Version;
        }

        Loaded = true;
    }

    public async Task EnsureLoadedAsync(Func<string, ValueTask<TState?>>? fromSnapshot = null)
    {
        if (!Loaded)
        {
            await LoadAsync(fromSnapshot);
        }
    }

    /// <summary>Marks the stream as known to be empty, so a first append needs no read.</summary>
    public void AssumeEmpty() => Loaded = true;

    /// <summary>
    /// Appends the event at the next version. The state is changed first so the read-model row can be
    /// derived from it (with the event as stored, sealed); on any failure the stream is marked unloaded
    /// and is read again before next use.
    /// </summary>
    public async Task AppendAsync(IDomainEvent e, Func<TState, IDomainEvent, TicketRow?>? row = null, Func<TState, string?>? orderNo = null)
    {
        apply(State, e);
        var version = Version + 1;
        try
        {
            var stored = codec is null ? e : await codec.SealAsync(e, State);
            await log.AppendAsync(new AppendRequest(tenantId, streamId, version, EventSerializer.TypeName(e), EventSerializer.Serialize(stored), row?.Invoke(State, stored), orderNo?.Invoke(State)));
            Version = version;
        }
        catch
        {
            State = empty();
            Version = 0;
            Loaded = false;
            throw;
        }
    }
}
