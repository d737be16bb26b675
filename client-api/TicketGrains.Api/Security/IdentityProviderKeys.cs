using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace TicketGrains.Api.Security;

/// <summary>
/// The identity provider's signing keys (RS256, ES256 …), found by OpenID Connect discovery and kept fresh without a
/// restart: fetched when the first of its tokens arrives, again at once when a token names a key id not among them (the
/// provider rotated its keys; at most once per Auth:AuthorityMinRefreshInterval, so made-up key ids cannot flood the
/// provider), and in the background once they are older than Auth:AuthorityRefreshInterval (removed keys go away).
/// </summary>
public sealed partial class IdentityProviderKeys(
    AuthorityAddress authority, IDocumentRetriever documents, AuthOptions options, TimeProvider time, ILogger<IdentityProviderKeys> logger)
{
    private readonly JsonWebTokenHandler _reader = new();
    private readonly Lock _gate = new();
    private IdentityProviderKeySet? _current;
    private Task _refresh = Task.CompletedTask;
    private DateTimeOffset? _lastLoad;
    private DateTimeOffset? _lastUnknownKeyRefresh;

    /// <summary>The keys as last fetched; null until a fetch succeeded.</summary>
    public IdentityProviderKeySet? Current => Volatile.Read(ref _current);

    /// <summary>Whether the token names this provider as its issuer (so its keys, not the HS256 ones, check it).</summary>
    public bool IsIssuer(string? issuer) => authority.IsIssuer(issuer);

    /// <summary>
    /// Before a token is validated: if it is this provider's, makes sure the keys it needs have been fetched (or that
    /// fetching them was tried). Tokens of other issuers and unreadable ones pass through untouched.
    /// </summary>
    public Task PrepareForAsync(string? token)
    {
        if (token is null || !_reader.CanReadToken(token))
        {
            return Task.CompletedTask;
        }

        JsonWebToken read;
        try
        {
            read = _reader.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            // Malformed: validation refuses it with its own reason.
            return Task.CompletedTask;
        }

        // A token without "kid" says nothing about whether the keys at hand are stale (JsonWebToken reads it as "").
        return authority.IsIssuer(read.Issuer) ? PrepareAsync(read.Kid is { Length: > 0 } kid ? kid : null) : Task.CompletedTask;
    }

    /// <summary>Fetches the keys when none are at hand, when the key id is unknown, or (without waiting) when they are old.</summary>
    public Task PrepareAsync(string? keyId)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var current = _current;
            if (current is null)
            {
                // A provider that is down is asked again once per interval, not on every request.
                return Due(ref _lastLoad, now) ? StartRefresh() : _refresh;
            }

            if (keyId is not null && !current.Has(keyId))
            {
                // Waits for a fetch already under way too: it may bring the key.
                return Due(ref _lastUnknownKeyRefresh, now) ? StartRefresh() : _refresh;
            }

            if (now - current.FetchedAt >= options.AuthorityRefreshInterval && Due(ref _lastLoad, now))
            {
                // The keys at hand still check this token; the new ones are for later requests.
                StartRefresh();
            }

            return Task.CompletedTask;
        }
    }

    private bool Due(ref DateTimeOffset? last, DateTimeOffset now)
    {
        if (last is { } previous && now - previous < options.AuthorityMinRefreshInterval)
        {
            return false;
        }

        last = now;
        return true;
    }

    private Task StartRefresh()
    {
        if (_refresh.IsCompleted)
        {
            _refresh = FetchAsync();
        }

        return _refresh;
    }

    private async Task FetchAsync()
    {
        try
        {
            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(authority.MetadataAddress, documents, CancellationToken.None);
            if (!authority.IsIssuer(configuration.Issuer))
            {
                LogWrongIssuer(authority.MetadataAddress, configuration.Issuer);
                return;
            }

            var fetched = new IdentityProviderKeySet(configuration.Issuer, [.. configuration.SigningKeys], time.GetUtcNow());
            Volatile.Write(ref _current, fetched);
            LogFetched(fetched.Keys.Count, string.Join(", ", fetched.Keys.Select(k => k.KeyId)), configuration.JwksUri);
        }
#pragma warning disable CA1031 // Whatever failed (network, TLS, a malformed document), the keys fetched before stay in use.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFetchFailed(e, authority.MetadataAddress, Current?.Keys.Count ?? 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched {Count} signing keys ({KeyIds}) of the identity provider from {JwksUri}.")]
    private partial void LogFetched(int count, string keyIds, string jwksUri);

    [LoggerMessage(Level = LogLevel.Error, Message = "The discovery document at {Address} names the issuer {Issuer}, not Auth:Authority: its keys are not used.")]
    private partial void LogWrongIssuer(string address, string issuer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fetch the identity provider's keys from {Address}; the {Count} keys fetched before stay in use.")]
    private partial void LogFetchFailed(Exception exception, string address, int count);
}
