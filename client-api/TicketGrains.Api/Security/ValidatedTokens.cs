using System.Collections.Concurrent;
using System.Security.Claims;

namespace TicketGrains.Api.Security;

/// <summary>
/// Principals of bearer tokens already validated, by the token's text, until the token expires. An integrator sends the
/// same token with every request; validating its signature and building its principal each time was one of the largest
/// parts of a request's CPU. Only tokens whose outcome cannot change before they expire are kept: tokens of this API's
/// own issuer (its signing keys are fixed for the life of the process) carrying built-in roles only (their permissions
/// are fixed in code). Tokens of an identity provider (whose keys rotate) and tokens naming a tenant's custom roles
/// (whose permissions change at once) are validated on every request.
/// </summary>
public sealed class ValidatedTokens(TimeProvider time)
{
    /// <summary>More distinct live tokens than this at once means something unusual; the cache starts over rather than grow.</summary>
    internal const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    /// <summary>A copy of the token's principal (callers may not share one), or null when it is not kept or has expired.</summary>
    public ClaimsPrincipal? Find(string token)
    {
        if (!_entries.TryGetValue(token, out var entry))
        {
            return null;
        }

        if (entry.ExpiresAt <= time.GetUtcNow())
        {
            _entries.TryRemove(KeyValuePair.Create(token, entry));
            return null;
        }

        return Copy(entry.Principal);
    }

    public void Keep(string token, ClaimsPrincipal principal, DateTimeOffset expiresAt)
    {
        var now = time.GetUtcNow();
        if (expiresAt <= now)
        {
            return;
        }

        if (_entries.Count >= Capacity)
        {
            foreach (var (key, entry) in _entries)
            {
                if (entry.ExpiresAt <= now)
                {
                    _entries.TryRemove(key, out _);
                }
            }

            if (_entries.Count >= Capacity)
            {
                _entries.Clear();
            }
        }

        _entries[token] = new Entry(Copy(principal), expiresAt);
    }

    /// <summary>ClaimsPrincipal.Clone shares its identities; the identities must be copied too.</summary>
    private static ClaimsPrincipal Copy(ClaimsPrincipal principal) => new(principal.Identities.Select(i => i.Clone()));

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset ExpiresAt);
}
