namespace TicketGrains.Grains.EventLog;

/// <summary>
/// The durable event log. Appends complete only once the event is committed; a version that already
/// exists raises ConflictException; an unreachable database raises StorageUnavailableException.
/// </summary>
public interface IEventLog
{
    /// <summary>Cancelling refuses the append only while it has not started to be written; after that it completes as written or not.</summary>
    Task AppendAsync(AppendRequest request, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string tenantId, string streamId, int afterVersion);

    Task<(int Version, string Json)?> ReadSnapshotAsync(string tenantId, string streamId);

    Task SaveSnapshotAsync(string tenantId, string streamId, int version, string json);

    /// <summary>
    /// The stream's snapshot, if one was saved, and the events after it, as of one moment: what loading an activation
    /// needs. A log on a database answers both in one round trip; this default reads them one after the other.
    /// </summary>
    async Task<((int Version, string Json)? Snapshot, IReadOnlyList<StoredEvent> Events)> ReadFromSnapshotAsync(string tenantId, string streamId)
    {
        var snapshot = await ReadSnapshotAsync(tenantId, streamId);
        return (snapshot, await ReadStreamAsync(tenantId, streamId, snapshot?.Version ?? 0));
    }
}
