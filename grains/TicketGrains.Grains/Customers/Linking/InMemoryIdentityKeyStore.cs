namespace TicketGrains.Grains.Customers.Linking;

/// <summary>The key table in memory, for unit tests and the linking benchmark.</summary>
public sealed class InMemoryIdentityKeyStore : IIdentityKeyStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Tenant, KeyHash Key), List<Guid>> _holders = [];
    private readonly Dictionary<(string Tenant, Guid Customer), HashSet<string>> _kinds = [];

    public async Task<IReadOnlyDictionary<KeyHash, IReadOnlyList<Guid>>> HoldersRecordingLoneAsync(
        string tenant, IReadOnlyList<KeyHash> keys, int limit, Guid contact, DateTimeOffset at)
    {
        IReadOnlyDictionary<KeyHash, IReadOnlyList<Guid>> found;
        lock (_gate)
        {
            found = keys.Distinct()
                .Where(k => _holders.ContainsKey((tenant, k)))
                .ToDictionary(k => k, k => (IReadOnlyList<Guid>)[.. _holders[(tenant, k)].Take(limit)]);
        }

        if (found.Values.All(holders => holders.All(h => h == contact)))
        {
            await AddAsync(tenant, contact, keys, at);
        }

        return found;
    }

    /// <summary>How often <see cref="AnyOfKindAsync"/> was asked: a query each in PostgreSQL, which tests count.</summary>
    public int KindReads { get; private set; }

    public Task<bool> AnyOfKindAsync(string tenant, IReadOnlyCollection<Guid> customers, string kind)
    {
        lock (_gate)
        {
            KindReads++;
            return Task.FromResult(customers.Any(c => _kinds.TryGetValue((tenant, c), out var kinds) && kinds.Contains(kind)));
        }
    }

    public Task AddAsync(string tenant, Guid customer, IReadOnlyList<KeyHash> keys, DateTimeOffset at)
    {
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (!_holders.TryGetValue((tenant, key), out var list))
                {
                    _holders[(tenant, key)] = list = [];
                }

                if (!list.Contains(customer))
                {
                    list.Add(customer);
                }

                if (!_kinds.TryGetValue((tenant, customer), out var kinds))
                {
                    _kinds[(tenant, customer)] = kinds = [];
                }

                kinds.Add(key.Kind);
            }
        }

        return Task.CompletedTask;
    }
}
