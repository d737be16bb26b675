namespace TicketGrains.Api.Security;

/// <summary>The "Auth" configuration section: who issues the bearer tokens this API accepts.</summary>
public sealed class AuthOptions
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
}
