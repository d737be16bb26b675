using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.Channels;

namespace TicketGrains.Grains.Customers.Linking;

/// <summary>
/// Links the customer of a ticket created through the API by the keys it came with: its identity, the phone and e-mail
/// address given with it, the order number field, and those found in subject and body. A stateless worker: any silo
/// links, many at a time. An API create names no channel of the shop, so it records no account on one
/// (<see cref="KeyKinds.AccountOn"/>): the same-channel check only knows the accounts that wrote in through the pipeline.
/// </summary>
[StatelessWorker]
[Reentrant]
public sealed partial class CustomerLinkGrain(CustomerLinker linker, ILogger<CustomerLinkGrain> logger) : Grain, ICustomerLinkGrain
{
    public async Task LinkAsync(ContactEvidence contact)
    {
        var keys = new List<StrongKey>(KeyExtractor.OfIdentity(contact.Channel, contact.ExternalId));
        if (contact.Phone is not null && KeyNormalizer.Phone(contact.Phone) is { } phone)
        {
            keys.Add(StrongKey.Phone(phone));
        }

        if (contact.Email is not null && KeyNormalizer.Email(contact.Email) is { } email)
        {
            keys.Add(StrongKey.Email(email));
        }

        if (contact.OrderNo is not null && KeyNormalizer.Order(contact.OrderNo) is { } order)
        {
            keys.Add(StrongKey.Order(order));
        }

        keys.AddRange(KeyExtractor.From(contact.Text, ThreadingRule.DefaultOrderPattern));
        try
        {
            await linker.LinkAsync(this.GetPrimaryKeyString(), contact.CustomerId, keys);
        }
        catch (Exception e)
        {
            // One-way: nobody waits for the answer, so the failure is told here.
            LogLinkFailed(e, contact.CustomerId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Linking customer {Customer} after an API create failed; its next contact with the same keys links it.")]
    private partial void LogLinkFailed(Exception exception, Guid customer);
}
