using Orleans.Concurrency;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.Encryption;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Channels;

/// <summary>
/// Stores inbound messages in the event log, one stream per message at version 1: the log's unique (stream, version)
/// key makes a platform's retry a conflict, so a repeat needs no table of its own and is durable by the same group
/// commit as every ticket event. A stateless worker: any silo's activation appends through its own writer. Reentrant,
/// since it holds no state: a call waits mostly for the group commit, and taking them one at a time per activation
/// capped a silo at a few hundred messages a second.
/// </summary>
[StatelessWorker]
[Reentrant]
public sealed class InboundInboxGrain(IEventLog log, IPersonalDataProtection protection, TimeProvider time) : Grain, IInboundInboxGrain
{
    public async Task<bool> StoreAsync(InboundEnvelope message)
    {
        var tenant = this.GetPrimaryKeyString();
        var identity = GrainFactory.Reference<IChannelIdentityGrain>(GrainKeys.For(tenant, $"{message.ChannelType}:{message.SenderId}"));
        var customer = await identity.ResolveAsync(new CustomerReference
        {
            Channel = message.ChannelType,
            ExternalId = message.SenderId,
            Name = message.SenderName,
        });
        var received = new InboundMessageReceived(message.ChannelId, message.ChannelType, customer.Id, customer.Tier, message.Kind, message.SentAt,
            message.ContentJson, time.GetUtcNow());
        using var cipher = await protection.ForWritingAsync(tenant, customer.Id);
        var stored = EventProtection.Map(received, cipher.Seal);
        try
        {
            await log.AppendAsync(new AppendRequest(tenant, message.StreamId, 1, EventSerializer.TypeName(stored), EventSerializer.Serialize(stored), null));
            return true;
        }
        catch (ConflictException)
        {
            return false;
        }
    }
}
