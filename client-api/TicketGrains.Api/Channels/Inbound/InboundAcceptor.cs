using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Api.Attachments;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Grains.Channels;

namespace TicketGrains.Api.Channels.Inbound;

/// <summary>
/// Stores inbound messages through the tenant's inbox grain, each in its own stream at version 1 of the event log; a
/// message stored before is a conflict there, counted as a repeat. Returns once every message is durable.
/// </summary>
public sealed class InboundAcceptor(IClusterClient cluster, CarriedFiles files) : IInboundAcceptor
{
    public async Task<AcceptedMessages> AcceptAsync(ChannelInfo channel, IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var m in messages)
        {
            Check(m);
        }

        // Files inside the request first: when the message is durable, so are they (a failure here stores no message, and the platform retries).
        await files.StoreAsync(channel, messages, cancellationToken);
        var inbox = cluster.Reference<IInboundInboxGrain>(channel.Tenant);
        var stored = await Task.WhenAll(messages.Select(m => GrainRetry.Idempotent(() => inbox.StoreAsync(Envelope(channel, m)), cancellationToken)));
        var fresh = stored.Count(s => s);
        return new AcceptedMessages(fresh, stored.Length - fresh);
    }

    /// <summary>What every adapter must give; a message without it is refused (400) before anything is stored.</summary>
    private static void Check(InboundMessage m)
    {
        if (m.PlatformMessageId is not { Length: > 0 and <= MaxId } || string.IsNullOrWhiteSpace(m.PlatformMessageId))
        {
            throw new InvalidFieldException("body", $"The message has no platform message id of 1 to {MaxId} characters to de-duplicate it by.");
        }

        if (m.SenderId is not { Length: > 0 and <= MaxId } || string.IsNullOrWhiteSpace(m.SenderId))
        {
            throw new InvalidFieldException("body", $"The message has no sender id of 1 to {MaxId} characters.");
        }

        if (!InboundKinds.All.Contains(m.Kind))
        {
            throw new InvalidFieldException("body", $"The message kind '{m.Kind}' is not one of: {string.Join(", ", InboundKinds.All)}.");
        }
    }

    private const int MaxId = 512;

    public static InboundEnvelope Envelope(ChannelInfo channel, InboundMessage m) => new()
    {
        ChannelId = channel.Id,
        ChannelType = channel.Type,
        StreamId = InboundStreams.For(channel.Id, m.PlatformMessageId),
        SenderId = m.SenderId,
        SenderName = m.SenderName,
        Kind = m.Kind,
        SentAt = m.SentAt,
        ContentJson = new InboundContent
        {
            PlatformMessageId = m.PlatformMessageId,
            SenderId = m.SenderId,
            SenderName = m.SenderName,
            Text = m.Text,
            Subject = m.Subject,
            ThreadKey = m.ThreadKey,
            InReplyTo = m.InReplyTo,
            MediaId = m.MediaId,
            MediaUrl = m.MediaUrl,
            MediaFormat = m.MediaFormat,
            Location = m.Location is { } at ? new(at.Latitude, at.Longitude, at.Scale, at.Label) : null,
            Link = m.Link is { } link ? new(link.Url, link.Title, link.Description) : null,
            EventName = m.EventName,
            EventKey = m.EventKey,
            Files = [.. m.Attachments.Select(a => new InboundContent.FileNote(a.FileName, a.ContentType, a.Content.Length))],
            Automatic = m.Automatic,
        }.ToJson(),
    };
}
