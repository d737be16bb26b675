using System.Collections.Concurrent;
using TicketGrains.Abstractions.Errors;

namespace TicketGrains.Grains.Sla;

/// <summary>SLA documents in memory, for grain tests without PostgreSQL.</summary>
public sealed class InMemorySlaDocumentStore : ISlaDocumentStore
{
    private readonly ConcurrentDictionary<(string Tenant, string Kind, string Name, int Version), SlaDocumentRow> _rows = new();

    public Task<IReadOnlyList<SlaDocumentRow>> CurrentAsync(string tenantId) => Task.FromResult<IReadOnlyList<SlaDocumentRow>>(
        [.. _rows.Where(r => r.Key.Tenant == tenantId).GroupBy(r => (r.Key.Kind, r.Key.Name)).Select(g => g.MaxBy(r => r.Key.Version).Value)]);

    public Task AddVersionAsync(string tenantId, SlaDocumentRow row) =>
        _rows.TryAdd((tenantId, row.Kind, row.Name, row.Version), row)
            ? Task.CompletedTask
            : throw new ConflictException($"Version {row.Version} of {row.Kind} '{row.Name}' exists.");
}
