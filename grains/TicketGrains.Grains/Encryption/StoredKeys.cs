namespace TicketGrains.Grains.Encryption;

/// <summary>A tenant key as stored: wrapped by the master key <paramref name="MasterKeyId"/>.</summary>
public sealed record StoredTenantKey(int Version, byte[] Wrapped, string MasterKeyId);

/// <summary>A customer data key as stored: wrapped by tenant key version <paramref name="TenantKeyVersion"/>; both null once erased.</summary>
public sealed record StoredDataKey(int Version, byte[]? Wrapped, int? TenantKeyVersion);

/// <summary>A new tenant key version and how to re-wrap one customer's data key under it.</summary>
public sealed record TenantKeyRotation(StoredTenantKey NewKey, Func<Guid, StoredDataKey, byte[]> Rewrap);

/// <summary>A row wrapped by the master key: a tenant key (Version > 0) or a tenant's lookup key (Version 0).</summary>
public sealed record MasterWrappedKey(string TenantId, int Version, byte[] Wrapped, string MasterKeyId);
