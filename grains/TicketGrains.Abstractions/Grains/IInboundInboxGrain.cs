using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Abstractions.Grains;

/// <summary>Stores inbound channel messages durably, each once; keyed by tenant (a stateless worker per silo).</summary>
[Alias("TicketGrains.IInboundInboxGrain")]
public interface IInboundInboxGrain : IGrainWithStringKey
{
    /// <summary>
    /// Resolves the sender's customer and appends the message at version 1 of its own stream once durable; false when
    /// that stream already held it (a platform retry).
    /// </summary>
    [Alias("Store")]
    Task<bool> StoreAsync(InboundEnvelope message);
}
