using System.Collections.Concurrent;

namespace TicketGrains.Grains.Attachments;

/// <summary>Attachments in memory, for the in-process test cluster (like the in-memory event log).</summary>
public sealed class InMemoryAttachmentStore : IAttachmentStore
{
    private readonly ConcurrentDictionary<(string Tenant, Guid Id), SealedAttachment> _files = new();

    public Task<bool> PutAsync(SealedAttachment attachment, CancellationToken cancellationToken) =>
        Task.FromResult(_files.TryAdd((attachment.Tenant, attachment.Id), attachment));

    public Task<SealedAttachment?> GetAsync(string tenant, Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(_files.GetValueOrDefault((tenant, id)));

    public Task<bool> DeleteAsync(string tenant, Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(_files.TryRemove((tenant, id), out _));

    public Task<int> DeleteOfCustomerAsync(string tenant, Guid customer, CancellationToken cancellationToken)
    {
        var ofCustomer = _files.Where(f => f.Key.Tenant == tenant && f.Value.CustomerId == customer).Select(f => f.Key).ToList();
        return Task.FromResult(ofCustomer.Count(key => _files.TryRemove(key, out _)));
    }
}
