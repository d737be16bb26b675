using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.ReadModel;
using TicketGrains.Grains.Sla;

namespace TicketGrains.Grains.Encryption;

/// <summary>The read model with listed subjects opened: tg_tickets holds them sealed with the customer's key.</summary>
public sealed class SubjectOpeningReadModel(ITicketReadModel inner, IPersonalDataProtection protection) : ITicketReadModel
{
    public async Task<TicketPage> ListAsync(TicketQuery query)
    {
        var page = await inner.ListAsync(query);
        var ciphers = new Dictionary<Guid, PersonalDataCipher>();
        try
        {
            var items = new List<TicketSummary>(page.Items.Count);
            foreach (var item in page.Items)
            {
                var customer = item.Row.CustomerId;
                if (!ciphers.TryGetValue(customer, out var cipher))
                {
                    ciphers[customer] = cipher = await protection.ForReadingAsync(query.TenantId, customer);
                }

                items.Add(item with { Row = item.Row with { Subject = await OpenAsync(cipher, query.TenantId, item.Row.Subject, ciphers) } });
            }

            return page with { Items = items };
        }
        finally
        {
            foreach (var cipher in ciphers.Values)
            {
                cipher.Dispose();
            }
        }
    }

    public Task<IReadOnlyList<QueuedTicket>> WaitingInQueueAsync(string tenantId, string queue, int limit) => inner.WaitingInQueueAsync(tenantId, queue, limit);

    public Task<IReadOnlyList<Guid>> OpenTicketsOfCustomerAsync(string tenantId, Guid customerId) => inner.OpenTicketsOfCustomerAsync(tenantId, customerId);

    public Task<IReadOnlyList<HeldTicket>> HeldByAgentAsync(string tenantId, string agentId) => inner.HeldByAgentAsync(tenantId, agentId);

    public Task<IReadOnlyList<SlaDue>> SlaDueAsync(string tenantId, DateTimeOffset until, SlaDue? after, int limit) =>
        inner.SlaDueAsync(tenantId, until, after, limit);

    public Task<IReadOnlyList<Guid>> ClaimsDueAsync(string tenantId, DateTimeOffset until, Guid after, int limit) =>
        inner.ClaimsDueAsync(tenantId, until, after, limit);

    private async Task<string> OpenAsync(PersonalDataCipher cipher, string tenant, string subject, Dictionary<Guid, PersonalDataCipher> ciphers)
    {
        try
        {
            return cipher.Open(subject);
        }
        catch (UnknownKeyVersionException)
        {
            // A key version made by another process after this one cached the customer's keys.
            cipher.Dispose();
            ciphers[cipher.Customer] = cipher = await protection.ForReadingAsync(tenant, cipher.Customer, refresh: true);
            return cipher.Open(subject);
        }
    }
}
