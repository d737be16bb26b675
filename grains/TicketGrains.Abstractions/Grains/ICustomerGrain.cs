using Orleans.Concurrency;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Abstractions.Grains;

/// <summary>One customer across all channels, keyed "tenant/customerId".</summary>
[Alias("TicketGrains.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>Registers the customer on first contact or adds a new identity and profile details.</summary>
    [Alias("Register")]
    Task<CustomerSummary> RegisterAsync(CustomerReference reference);

    /// <summary>Returns the customer; throws NotFoundException when unknown.</summary>
    [Alias("Get")]
    Task<CustomerView> GetAsync();

    /// <summary>
    /// Destroys the customer's data key (crypto-shredding) and drops every in-memory clear copy: the customer's, its
    /// identities' and its tickets'. Throws NotFoundException when unknown; repeating it is harmless.
    /// </summary>
    [Alias("ErasePersonalData")]
    Task<PersonalDataErasure> ErasePersonalDataAsync();

    /// <summary>Tracks whether one of the customer's tickets is open (in memory; rebuilt from the read model).</summary>
    [Alias("TrackTicket")]
    [OneWay]
    Task TrackTicketAsync(Guid ticketId, bool open);
}
