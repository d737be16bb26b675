using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>
/// The token settings every node of the test run is started with, and tokens minted here (independently of the
/// product's own issuer), including wrong ones: expired, forged, for another issuer or audience.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "ticketgrains-tests";
    public const string Audience = "ticketgrains-api-tests";

    /// <summary>A fresh signing key per test run, base64.</summary>
    public static string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Settings for a node, as "--Key=value" arguments. Every test calls from 127.0.0.1, so the per-address budget of
    /// failed sign-ins in the audit log is raised: one test's refused tokens must not hide another's (the budget itself
    /// is unit-tested).
    /// </summary>
    public static string[] NodeSettings { get; } =
        [$"--Auth:SigningKeys:0={SigningKey}", $"--Auth:Issuer={Issuer}", $"--Auth:Audience={Audience}", "--Auth:FailedSignInAuditPerMinute=100000"];

    /// <summary>A token; every part can be made wrong on purpose.</summary>
    public static string Mint(string tenant, string subject, string[]? roles = null, string[]? permissions = null, TimeSpan? lifetime = null,
        string? signingKey = null, string issuer = Issuer, string audience = Audience)
    {
        var claims = new List<Claim> { new("tenant", tenant), new("sub", subject) };
        claims.AddRange((roles ?? []).Select(r => new Claim("role", r)));
        claims.AddRange((permissions ?? []).Select(p => new Claim("perm", p)));
        var expires = DateTime.UtcNow + (lifetime ?? TimeSpan.FromHours(1));
        var notBefore = expires < DateTime.UtcNow ? expires - TimeSpan.FromHours(1) : DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Convert.FromBase64String(signingKey ?? SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>An admin of the tenant: every endpoint is allowed, so a refusal can only come from tenant isolation.</summary>
    public static string Admin(string tenant) => Mint(tenant, "it-admin", roles: ["admin"]);
}
