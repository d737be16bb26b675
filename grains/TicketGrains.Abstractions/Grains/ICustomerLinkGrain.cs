using Orleans.Concurrency;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Abstractions.Grains;

/// <summary>Links the customers of tickets created through the API (keyed by tenant); inbound messages are linked in the pipeline.</summary>
[Alias("TicketGrains.ICustomerLinkGrain")]
public interface ICustomerLinkGrain : IGrainWithStringKey
{
    /// <summary>
    /// Links the contact after its ticket was created, without the caller waiting: a link lost with a silo is made by the
    /// customer's next contact that gives the same keys.
    /// </summary>
    [Alias("Link")]
    [OneWay]
    Task LinkAsync(ContactEvidence contact);
}
