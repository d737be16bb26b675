using System.Security.Claims;
using TicketGrains.Api.Infrastructure;

namespace TicketGrains.Api.Security;

/// <summary>
/// Builds the principal every request runs as, whatever the credential: tenant, subject, roles, and one "perm" claim
/// per effective permission (granted directly or through a role), so <see cref="Permissions.Has"/> is the only check.
/// </summary>
public static class CallerPrincipal
{
    /// <summary>The principal, or null when the tenant or subject is missing or malformed.</summary>
    public static ClaimsPrincipal? Create(string? tenant, string? subject, IEnumerable<string> roles, IEnumerable<string> permissions, string scheme)
    {
        if (tenant is null || !Tenant.IsValid(tenant) || !CallerNames.IsValidSubject(subject))
        {
            return null;
        }

        var identity = new ClaimsIdentity(scheme, Claims.Subject, Claims.Role);
        identity.AddClaim(new Claim(Claims.Tenant, tenant));
        identity.AddClaim(new Claim(Claims.Subject, subject!));
        identity.AddClaims(roles.Distinct(StringComparer.Ordinal).Select(r => new Claim(Claims.Role, r)));
        identity.AddClaims(permissions.Where(Permissions.All.Contains).Distinct(StringComparer.Ordinal).Select(p => new Claim(Claims.Permission, p)));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Permissions of the built-in roles among the given ones; the rest are returned as custom role names.</summary>
    public static (List<string> Permissions, List<string> CustomRoles) ExpandBuiltIn(IEnumerable<string> roles)
    {
        var permissions = new List<string>();
        var custom = new List<string>();
        foreach (var role in roles)
        {
            if (BuiltInRoles.PermissionsOf(role) is { } granted)
            {
                permissions.AddRange(granted);
            }
            else if (CallerNames.IsValidRole(role))
            {
                custom.Add(role);
            }
        }

        return (permissions, custom);
    }
}
