using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;

namespace TicketGrains.Api.Channels.Outbound;

/// <summary>
/// Records a bounce through a silo (<see cref="IReplyOutcomeGrain"/>): only silos hold the event log, and the host that
/// received the report may be a stand-alone front end. A silo co-hosting the API answers the call locally.
/// </summary>
public sealed class SiloReplyBounces(IGrainFactory grains) : IReplyBounces
{
    public Task RecordAsync(ReplyBounce bounce) => grains.Reference<IReplyOutcomeGrain>(0).RecordBounceAsync(bounce);
}
