using Npgsql;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Api.Channels.Web;

/// <summary>Replies to web visitors in tg_web_conversation, one row per outbound message; and the ticket's customer, from the read model.</summary>
public sealed class WebConversationStore(NpgsqlDataSource database)
{
    /// <summary>A widget shows at most this many of the visitor's latest replies.</summary>
    public const int ShownReplies = 100;

    /// <summary>The customer of a ticket (the read model is written with the ticket's events, so it never lags them); null when none.</summary>
    public Task<Guid?> CustomerOfTicketAsync(string tenant, Guid ticket, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand("SELECT customer_id FROM tg_tickets WHERE tenant_id = $1 AND ticket_id = $2");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(ticket);
        return await command.ExecuteScalarAsync(cancellationToken) as Guid?;
    });

    /// <summary>Keeps a reply; a reply already kept (a retried send) is left as it is.</summary>
    public Task AddAsync(string tenant, Guid channel, WebReply reply, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand(
            "INSERT INTO tg_web_conversation (tenant_id, channel_id, message_id, visitor_id, ticket_id, customer_id, body, sent_at) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (tenant_id, channel_id, message_id) DO NOTHING");
        foreach (var value in new object[] { tenant, channel, reply.MessageId, reply.VisitorId, reply.TicketId, reply.CustomerId, reply.SealedBody, reply.SentAt })
        {
            command.Parameters.AddWithValue(value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    });

    /// <summary>The visitor's latest <see cref="ShownReplies"/> replies on the channel, oldest first.</summary>
    public Task<List<WebReply>> RepliesAsync(string tenant, Guid channel, string visitor, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand(
            "SELECT message_id, ticket_id, customer_id, body, sent_at FROM (" +
            "SELECT * FROM tg_web_conversation WHERE tenant_id = $1 AND channel_id = $2 AND visitor_id = $3 ORDER BY position DESC LIMIT $4" +
            ") latest ORDER BY position");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(channel);
        command.Parameters.AddWithValue(visitor);
        command.Parameters.AddWithValue(ShownReplies);
        var replies = new List<WebReply>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            replies.Add(new WebReply(reader.GetGuid(0), visitor, reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return replies;
    });
}
