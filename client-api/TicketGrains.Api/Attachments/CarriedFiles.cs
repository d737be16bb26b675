using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Grains.Attachments;
using TicketGrains.Grains.Channels;

namespace TicketGrains.Api.Attachments;

/// <summary>
/// Files that came inside a request (e-mail attachments) are stored before the request is answered, since nothing
/// can fetch them later: each sealed with the sender's customer key under an id derived from its message, so a
/// resent mail stores nothing twice. Files of a type or size not accepted are not stored; the media fetch records
/// that on the ticket once the message reached one.
/// </summary>
public sealed class CarriedFiles(IClusterClient cluster, AttachmentVault vault)
{
    public async Task StoreAsync(ChannelInfo channel, IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages.Where(m => m.Attachments.Count > 0))
        {
            // The same resolution the inbox makes for the message itself, so the files and the message share a customer.
            var identity = cluster.Reference<IChannelIdentityGrain>(GrainKeys.For(channel.Tenant, $"{channel.Type}:{message.SenderId}"));
            var reference = new CustomerReference { Channel = channel.Type, ExternalId = message.SenderId, Name = message.SenderName };
            var customer = await GrainRetry.Idempotent(() => identity.ResolveAsync(reference), cancellationToken);
            var stream = InboundStreams.For(channel.Id, message.PlatformMessageId);
            for (var i = 0; i < message.Attachments.Count; i++)
            {
                var file = message.Attachments[i];
                if (vault.Check(file.Content) is AttachmentVerdict.Accepted accepted)
                {
                    await vault.StoreAsync(channel.Tenant, customer.Id, AttachmentIds.OfInbound(channel.Tenant, stream, i), file.FileName, file.Content, accepted.Type,
                        "channel:" + channel.Id.ToString("D"), stream, cancellationToken);
                }
            }
        }
    }
}
