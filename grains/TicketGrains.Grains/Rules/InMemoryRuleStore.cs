using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Rules;

/// <summary><see cref="IRuleStore"/> in memory, for unit and in-process cluster tests.</summary>
public sealed class InMemoryRuleStore : IRuleStore
{
    private readonly Lock _gate = new();
    private readonly List<(string Tenant, StoredDocument Document)> _rows = [];

    public Task<IReadOnlyList<StoredDocument>> CurrentAsync(string tenant)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<StoredDocument>>(_rows.Where(r => r.Tenant == tenant).Select(r => r.Document)
                .GroupBy(d => (d.Kind, d.Version.Id)).Select(g => g.MaxBy(d => d.Version.Version)!).ToList());
        }
    }

    public Task<IReadOnlyList<RuleVersion>> HistoryAsync(string tenant, string kind, string id)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<RuleVersion>>(_rows.Where(r => r.Tenant == tenant && r.Document.Kind == kind && r.Document.Version.Id == id)
                .Select(r => r.Document.Version).OrderBy(v => v.Version).ToList());
        }
    }

    public Task<IReadOnlyList<StoredDocument>> AppendAsync(string tenant, IReadOnlyList<(string Kind, string Id, string Document)> documents, string actor, DateTimeOffset at)
    {
        lock (_gate)
        {
            var added = documents.Select(d => new StoredDocument(d.Kind, new RuleVersion(d.Id,
                _rows.Count(r => r.Tenant == tenant && r.Document.Kind == d.Kind && r.Document.Version.Id == d.Id) + 1, d.Document, actor, at))).ToList();
            _rows.AddRange(added.Select(d => (tenant, d)));
            return Task.FromResult<IReadOnlyList<StoredDocument>>(added);
        }
    }
}
