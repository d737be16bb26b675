using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using TicketGrains.Abstractions.Errors;

namespace TicketGrains.Grains.Encryption;

/// <summary>
/// The key hierarchy: master key (configuration) → tenant key (per tenant, versioned) → data key (per customer). Unwrapped
/// keys are kept in a bounded in-memory cache for <see cref="EncryptionOptions.KeyCacheTtl"/>, so sealing a value costs
/// no database round trip once the customer's key is known.
/// </summary>
public sealed class KeyRing(PostgresKeyStore store, MasterKeys master, IOptions<EncryptionOptions> options) : IPersonalDataProtection, IDisposable
{
    private const int Attempts = 4;
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.Value.KeyCacheSize });

    /// <summary>
    /// Customers known to have a data key, kept far longer than the keys themselves: it holds no key material, only
    /// which order of round trips to try when a key has expired from <see cref="_cache"/>. Being wrong costs one
    /// round trip, never correctness.
    /// </summary>
    private readonly MemoryCache _keyedCustomers = new(new MemoryCacheOptions { SizeLimit = options.Value.KeyCacheSize });

    private static readonly TimeSpan KeyedCustomerMemory = TimeSpan.FromHours(1);

    public async ValueTask<PersonalDataCipher> ForReadingAsync(string tenant, Guid customer, bool refresh = false)
    {
        if (!refresh && _cache.TryGetValue(CustomerEntry(tenant, customer), out CustomerKeys? cached))
        {
            return new PersonalDataCipher(tenant, customer, cached!, authoritative: false);
        }

        var keys = await LoadCustomerAsync(tenant, customer);
        if (keys.ByVersion.Count > 0)
        {
            // "No key yet" is never cached: another process may create the key a moment later.
            Remember(CustomerEntry(tenant, customer), keys);
        }

        return new PersonalDataCipher(tenant, customer, keys, authoritative: true);
    }

    public async ValueTask<PersonalDataCipher> ForWritingAsync(string tenant, Guid customer)
    {
        var entry = CustomerEntry(tenant, customer);
        if (_cache.TryGetValue(entry, out CustomerKeys? keys) && keys!.CurrentVersion is not null)
        {
            return new PersonalDataCipher(tenant, customer, keys, authoritative: false);
        }

        if (_keyedCustomers.TryGetValue(entry, out _))
        {
            // The key expired from memory but existed: read it, rather than try to add version 1 and conflict first.
            keys = await LoadCustomerAsync(tenant, customer);
        }

        for (var attempt = 0; keys?.CurrentVersion is null; attempt++)
        {
            if (attempt == Attempts)
            {
                throw new StorageUnavailableException("The customer's data key could not be created.");
            }

            // A first contact has no key yet, so version 1 is added without reading first; a conflict means it exists.
            var version = (keys?.NewestVersion ?? 0) + 1;
            var (tenantVersion, tenantKey) = await CurrentTenantKeyAsync(tenant, refresh: attempt > 0);
            var key = Aead.NewKey();
            var wrapped = Aead.Seal(tenantKey, key, KeyContexts.DataKey(tenant, customer, version));
            keys = await store.TryAddDataKeyAsync(tenant, customer, new StoredDataKey(version, wrapped, tenantVersion))
                ? (keys ?? CustomerKeys.None).With(version, key)
                : await LoadCustomerAsync(tenant, customer);
        }

        Remember(entry, keys);
        _keyedCustomers.Set(entry, true, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = KeyedCustomerMemory });
        return new PersonalDataCipher(tenant, customer, keys, authoritative: false);
    }

    public async ValueTask<string> LookupNameAsync(string tenant, string identity)
    {
        var key = await LookupKeyAsync(tenant);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(identity)));
    }

    public async Task<int> EraseAsync(string tenant, Guid customer)
    {
        var erased = await store.EraseDataKeysAsync(tenant, customer);
        Forget(tenant, customer);
        return erased;
    }

    /// <summary>Drops the customer's keys from memory (after an erasure here or, notified, in another process).</summary>
    public void Forget(string tenant, Guid customer) => _cache.Remove(CustomerEntry(tenant, customer));

    /// <summary>Adds a new version of the tenant's key and re-wraps every data key under it; the old version is deleted.</summary>
    public async Task<(int Version, int Rewrapped)> RotateTenantKeyAsync(string tenant)
    {
        var result = await store.RotateTenantKeyAsync(tenant, current =>
        {
            var old = current.ToDictionary(k => k.Version, k => UnwrapTenantKey(tenant, k));
            var version = current.Count == 0 ? 1 : current.Max(k => k.Version) + 1;
            var key = Aead.NewKey();
            return new TenantKeyRotation(
                new StoredTenantKey(version, master.Wrap(key, KeyContexts.TenantKey(tenant, version)), master.CurrentId),
                (customer, dataKey) =>
                {
                    var context = KeyContexts.DataKey(tenant, customer, dataKey.Version);
                    return Aead.Seal(key, Aead.Open(old[dataKey.TenantKeyVersion!.Value], dataKey.Wrapped!, context), context);
                });
        });
        _cache.Remove(TenantEntry(tenant));
        return result;
    }

    /// <summary>Re-wraps every tenant and lookup key still wrapped by a former master key under the current one.</summary>
    public Task<int> RotateMasterKeyAsync() => store.RewrapUnderMasterAsync(master.CurrentId, k =>
    {
        var context = k.Version == 0 ? KeyContexts.LookupKey(k.TenantId) : KeyContexts.TenantKey(k.TenantId, k.Version);
        return master.Wrap(master.Unwrap(k.MasterKeyId, k.Wrapped, context), context);
    });

    public void Dispose()
    {
        _cache.Dispose();
        _keyedCustomers.Dispose();
    }

    private async Task<CustomerKeys> LoadCustomerAsync(string tenant, Guid customer)
    {
        for (var attempt = 0; ; attempt++)
        {
            var rows = await store.DataKeysAsync(tenant, customer);
            var tenantKeys = await TenantKeysAsync(tenant, refresh: attempt > 0);
            if (rows.All(r => r.TenantKeyVersion is not { } v || tenantKeys.ContainsKey(v)))
            {
                return new CustomerKeys(rows.ToDictionary(r => r.Version, r => r.Wrapped is null
                    ? null
                    : Aead.Open(tenantKeys[r.TenantKeyVersion!.Value], r.Wrapped, KeyContexts.DataKey(tenant, customer, r.Version))));
            }

            if (attempt == Attempts)
            {
                throw new StorageUnavailableException("A data key refers to a tenant key version that does not exist.");
            }
        }
    }

    private async Task<(int Version, byte[] Key)> CurrentTenantKeyAsync(string tenant, bool refresh)
    {
        var keys = await TenantKeysAsync(tenant, refresh);
        if (keys.Count == 0)
        {
            var key = Aead.NewKey();
            await store.TryAddTenantKeyAsync(tenant, new StoredTenantKey(1, master.Wrap(key, KeyContexts.TenantKey(tenant, 1)), master.CurrentId));
            keys = await TenantKeysAsync(tenant, refresh: true);
        }

        var newest = keys.Keys.Max();
        return (newest, keys[newest]);
    }

    private async Task<IReadOnlyDictionary<int, byte[]>> TenantKeysAsync(string tenant, bool refresh)
    {
        if (!refresh && _cache.TryGetValue(TenantEntry(tenant), out IReadOnlyDictionary<int, byte[]>? cached))
        {
            return cached!;
        }

        var keys = (await store.TenantKeysAsync(tenant)).ToDictionary(k => k.Version, k => UnwrapTenantKey(tenant, k));
        if (keys.Count > 0)
        {
            Remember(TenantEntry(tenant), (IReadOnlyDictionary<int, byte[]>)keys);
        }

        return keys;
    }

    private async Task<byte[]> LookupKeyAsync(string tenant)
    {
        var entry = ("lookup", tenant);
        if (_cache.TryGetValue(entry, out byte[]? cached))
        {
            return cached!;
        }

        var stored = await store.LookupKeyAsync(tenant);
        if (stored is null)
        {
            await store.TryAddLookupKeyAsync(tenant, new StoredTenantKey(0, master.Wrap(Aead.NewKey(), KeyContexts.LookupKey(tenant)), master.CurrentId));
            stored = await store.LookupKeyAsync(tenant) ?? throw new StorageUnavailableException("The tenant's lookup key could not be created.");
        }

        var key = master.Unwrap(stored.MasterKeyId, stored.Wrapped, KeyContexts.LookupKey(tenant));
        Remember(entry, key);
        return key;
    }

    private byte[] UnwrapTenantKey(string tenant, StoredTenantKey k) => master.Unwrap(k.MasterKeyId, k.Wrapped, KeyContexts.TenantKey(tenant, k.Version));

    private void Remember<T>(object entry, T value) =>
        _cache.Set(entry, value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.KeyCacheTtl });

    private static object CustomerEntry(string tenant, Guid customer) => ("customer", tenant, customer);

    private static object TenantEntry(string tenant) => ("tenant", tenant);
}
