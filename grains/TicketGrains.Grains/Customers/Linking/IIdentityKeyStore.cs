namespace TicketGrains.Grains.Customers.Linking;

/// <summary>Which customers gave which strong keys (tg_identity_keys): keyed hashes only, never a clear value.</summary>
public interface IIdentityKeyStore
{
    /// <summary>For each key, the customers that gave it (as they were then: the caller follows merges).</summary>
    Task<IReadOnlyDictionary<KeyHash, IReadOnlyList<Guid>>> HoldersAsync(string tenant, IReadOnlyList<KeyHash> keys, int limit);

    /// <summary>Whether any of the customers gave a key of this kind.</summary>
    Task<bool> AnyOfKindAsync(string tenant, IReadOnlyCollection<Guid> customers, string kind);

    /// <summary>Records that the customer gave the keys; a key it gave before is not recorded again.</summary>
    Task AddAsync(string tenant, Guid customer, IReadOnlyList<KeyHash> keys, DateTimeOffset at);
}
