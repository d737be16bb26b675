using TicketGrains.Grains.Hosting;

namespace TicketGrains.Api.Security;

/// <summary>The "Auth" configuration section: who issues the bearer tokens this API accepts.</summary>
public sealed class AuthOptions : IValidatableOptions
{
    public const string Section = "Auth";

    /// <summary>The "iss" every token must carry.</summary>
    public string Issuer { get; set; } = "ticketgrains";

    /// <summary>The "aud" every token must carry.</summary>
    public string Audience { get; set; } = "ticketgrains-api";

    /// <summary>
    /// HMAC-SHA256 signing keys, base64, at least 32 bytes each. Tokens signed with any of them are accepted (so a key
    /// can be rotated in); the dev issuer signs with the first.
    /// </summary>
    public List<string> SigningKeys { get; set; } = [];

    /// <summary>
    /// An OpenID Connect identity provider (its issuer URL) whose tokens are accepted too, signed with the RS256 or ES256
    /// keys its discovery document's jwks_uri publishes. Its tokens carry the same claims (tenant, sub, role, perm) and
    /// audience. None by default.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>Fetch the provider's documents over HTTPS only. May be false only for a loopback Authority (tests).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The provider's keys are fetched again (in the background) once they are this old.</summary>
    public TimeSpan AuthorityRefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The least time between two fetches caused by tokens naming an unknown key id, and between retries while the
    /// provider cannot be reached.
    /// </summary>
    public TimeSpan AuthorityMinRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Serve POST /api/v1/dev/tokens, which mints a token for anyone who asks. Development only; off by default.</summary>
    public bool DevIssuer { get; set; }

    /// <summary>With DevIssuer and no SigningKeys, a generated key is kept in this file so restarts keep tokens valid.</summary>
    public string DevKeyFile { get; set; } = Path.Combine(".data", "dev-signing-key");

    /// <summary>The tenant whose admins operate the cluster (the Orleans dashboard shows every tenant's grains).</summary>
    public string OperatorTenant { get; set; } = "default";

    /// <summary>
    /// Refused credentials from one client address written to the operator tenant's audit log per minute; the rest are
    /// counted into that address's next entry.
    /// </summary>
    public int FailedSignInAuditPerMinute { get; set; } = 10;

    /// <summary>Tolerated clock difference between the token issuer and this server.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<string> Problems(string section)
    {
        foreach (var (key, value) in new[] { ("Issuer", Issuer), ("Audience", Audience), ("OperatorTenant", OperatorTenant) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return $"{section}:{key} must not be empty.";
            }
        }

        if (ClockSkew < TimeSpan.Zero || ClockSkew > TimeSpan.FromMinutes(10))
        {
            yield return $"{section}:ClockSkew must be between 00:00:00 and 00:10:00, not {ClockSkew}.";
        }

        if (FailedSignInAuditPerMinute < 0)
        {
            yield return $"{section}:FailedSignInAuditPerMinute must not be negative, not {FailedSignInAuditPerMinute}.";
        }

        if (AuthorityMinRefreshInterval <= TimeSpan.Zero || AuthorityRefreshInterval < AuthorityMinRefreshInterval)
        {
            yield return $"{section}:AuthorityMinRefreshInterval must be positive and at most {section}:AuthorityRefreshInterval " +
                $"(now {AuthorityMinRefreshInterval} and {AuthorityRefreshInterval}).";
        }
    }
}
