using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TicketGrains.Api.Security;

/// <summary>Mints bearer tokens with this deployment's first signing key (used by the development issuer only).</summary>
public sealed class TokenIssuer(AuthOptions options, IReadOnlyList<SymmetricSecurityKey> keys, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public (string Token, DateTimeOffset ExpiresAt) Issue(string tenant, string subject, IEnumerable<string> roles, IEnumerable<string> permissions, TimeSpan lifetime)
    {
        var now = time.GetUtcNow();
        var expires = now + lifetime;
        var claims = new List<Claim> { new(Claims.Tenant, tenant), new(Claims.Subject, subject) };
        claims.AddRange(roles.Select(r => new Claim(Claims.Role, r)));
        claims.AddRange(permissions.Select(p => new Claim(Claims.Permission, p)));
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(keys[0], SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }
}
