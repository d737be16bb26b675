namespace TicketGrains.Api.Security;

/// <summary>
/// Auth:Authority, checked at start: the OpenID Connect identity provider whose discovery document and signing keys
/// (its JWKS) this API trusts, besides its own HS256 keys.
/// </summary>
public sealed class AuthorityAddress
{
    private const string DiscoveryPath = "/.well-known/openid-configuration";

    private readonly string _issuer;

    private AuthorityAddress(string issuer) => _issuer = issuer;

    /// <summary>Where the provider's discovery document is (it names the JWKS address).</summary>
    public string MetadataAddress => _issuer + DiscoveryPath;

    /// <summary>The address from the options, or null when no identity provider is configured.</summary>
    public static AuthorityAddress? From(AuthOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Authority))
        {
            return null;
        }

        if (!Uri.TryCreate(options.Authority.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new InvalidOperationException("Auth:Authority must be an absolute https:// URL without query: the identity provider's issuer.");
        }

        // Keys fetched over plain HTTP could be swapped by anyone on the path; only a provider on this very machine (a
        // test's) may be reached that way, and only when asked for explicitly.
        if (!options.RequireHttpsMetadata && !uri.IsLoopback)
        {
            throw new InvalidOperationException("Auth:RequireHttpsMetadata=false is accepted only for a loopback Auth:Authority.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && options.RequireHttpsMetadata)
        {
            throw new InvalidOperationException("Auth:Authority must be https:// (plain http only on loopback with Auth:RequireHttpsMetadata=false).");
        }

        if (options.AuthorityRefreshInterval <= TimeSpan.Zero || options.AuthorityMinRefreshInterval < TimeSpan.Zero
            || options.AuthorityMinRefreshInterval > options.AuthorityRefreshInterval)
        {
            throw new InvalidOperationException(
                "Auth:AuthorityRefreshInterval must be positive and Auth:AuthorityMinRefreshInterval between zero and it.");
        }

        return new AuthorityAddress(options.Authority.Trim().TrimEnd('/'));
    }

    /// <summary>
    /// Whether a token or discovery document names this provider as its issuer. OpenID Connect discovery requires the
    /// document's issuer to be the address it was found at; providers differ only in a trailing slash.
    /// </summary>
    public bool IsIssuer(string? issuer) => issuer is not null && string.Equals(issuer.TrimEnd('/'), _issuer, StringComparison.Ordinal);
}
