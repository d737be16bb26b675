using Npgsql;
using TicketGrains.Grains.Channels;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Attachments;

/// <summary>
/// What the log holds of one inbound message: its receipt (version 1, content sealed) and, once the pipeline decided
/// it, where it went (version 2). Read directly, so a front end without an event log of its own can fetch its media.
/// </summary>
public sealed class InboundRecords(NpgsqlDataSource database)
{
    public Task<(InboundMessageReceived? Received, InboundMessageThreaded? Threaded)> ReadAsync(string tenant, string streamId, CancellationToken cancellationToken) =>
        StorageErrors.Guard(async () =>
        {
            await using var command = database.CreateCommand(
                "SELECT version, event_type, data::text FROM tg_events WHERE tenant_id = $1 AND stream_id = $2 AND version <= 2 ORDER BY version");
            command.Parameters.AddWithValue(tenant);
            command.Parameters.AddWithValue(streamId);
            (InboundMessageReceived? Received, InboundMessageThreaded? Threaded) found = (null, null);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                switch (EventSerializer.Deserialize(reader.GetString(1), reader.GetString(2)))
                {
                    case InboundMessageReceived received:
                        found.Received = received;
                        break;
                    case InboundMessageThreaded threaded:
                        found.Threaded = threaded;
                        break;
                }
            }

            return found;
        });
}
