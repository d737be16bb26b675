using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Abstractions.Grains;

/// <summary>Maps one external identity, keyed "tenant/channel:externalId", to a customer.</summary>
[Alias("TicketGrains.IChannelIdentityGrain")]
public interface IChannelIdentityGrain : IGrainWithStringKey
{
    /// <summary>Returns the customer for this identity, registering one on first contact.</summary>
    [Alias("Resolve")]
    Task<CustomerSummary> ResolveAsync(CustomerReference reference);

    /// <summary>The customer that claimed this identity, or null when none has; registers nothing.</summary>
    [Alias("Find")]
    Task<Guid?> FindAsync();

    /// <summary>Drops the last contact's details held in memory (its customer's personal data was erased).</summary>
    [Alias("Forget")]
    Task ForgetAsync();
}
