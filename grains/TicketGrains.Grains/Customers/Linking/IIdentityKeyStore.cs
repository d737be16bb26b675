namespace TicketGrains.Grains.Customers.Linking;

/// <summary>Which customers gave which strong keys (tg_identity_keys): keyed hashes only, never a clear value.</summary>
public interface IIdentityKeyStore
{
    /// <summary>
    /// For each key, the customers that gave it (at most <paramref name="limit"/>, as they were then: the caller follows
    /// merges); in the same step, when none of them is another customer than <paramref name="contact"/>, the keys are
    /// recorded as the contact's (as <see cref="AddAsync"/> would), since nothing can then be decided against them.
    /// </summary>
    Task<IReadOnlyDictionary<KeyHash, IReadOnlyList<Guid>>> HoldersRecordingLoneAsync(
        string tenant, IReadOnlyList<KeyHash> keys, int limit, Guid contact, DateTimeOffset at);

    /// <summary>Whether any of the customers gave a key of this kind.</summary>
    Task<bool> AnyOfKindAsync(string tenant, IReadOnlyCollection<Guid> customers, string kind);

    /// <summary>Records that the customer gave the keys; a key it gave before is not recorded again.</summary>
    Task AddAsync(string tenant, Guid customer, IReadOnlyList<KeyHash> keys, DateTimeOffset at);
}
