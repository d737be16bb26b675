using Microsoft.IdentityModel.Tokens;

namespace TicketGrains.Api.Security;

/// <summary>The identity provider's signing keys as last fetched, with the issuer its discovery document names.</summary>
public sealed record IdentityProviderKeySet(string Issuer, IReadOnlyList<SecurityKey> Keys, DateTimeOffset FetchedAt)
{
    public bool Has(string keyId) => Keys.Any(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal));
}
