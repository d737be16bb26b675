using Npgsql;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Routing;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.IntegrationTests.Live;

/// <summary>Ticket creations written straight into tg_events, one transaction each, as the writer stores them.</summary>
internal static class LoggedTickets
{
    public const string Tenant = "shop";

    /// <summary>Creates a ticket in its own transaction and returns its log key.</summary>
    public static async Task<LogKey> CreateAsync(NpgsqlConnection connection, Guid ticketId, NpgsqlTransaction? transaction = null)
    {
        var created = new TicketCreated(ticketId, Guid.NewGuid(), "web", "sealed", "sealed", "general", "normal", BuiltInRouting.General,
            new Dictionary<string, string>(), "", null, DateTimeOffset.UtcNow);
        await using var command = new NpgsqlCommand(
            "INSERT INTO tg_events (tenant_id, stream_id, version, event_type, data) VALUES ($1, $2, 1, $3, $4::jsonb) RETURNING tx_id, position",
            connection, transaction);
        command.Parameters.AddWithValue(Tenant);
        command.Parameters.AddWithValue(StreamIds.Ticket(ticketId));
        command.Parameters.AddWithValue(EventSerializer.TypeName(created));
        command.Parameters.AddWithValue(EventSerializer.Serialize(created));
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new LogKey(reader.GetFieldValue<ulong>(0), reader.GetInt64(1));
    }

    /// <summary>A live batch as the subscriber publishes it for those tickets' creations.</summary>
    public static TicketChangeBatch Batch(LogKey previous, params (LogKey Key, Guid Ticket)[] changes) =>
        new(previous, changes.Select(c => new LoggedTicketChange(c.Key,
            new TicketChange(c.Ticket, 1, nameof(TicketCreated), TicketStatus.New, BuiltInRouting.General, null, DateTimeOffset.UtcNow))).ToList());
}
