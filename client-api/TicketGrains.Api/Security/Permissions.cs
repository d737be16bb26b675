using System.Security.Claims;

namespace TicketGrains.Api.Security;

/// <summary>
/// What a caller may do. Roles are only named bundles of these; every check in the API asks for a
/// permission, so a shop can define its own roles without code changes.
/// </summary>
public static class Permissions
{
    /// <summary>The claim type that carries one permission per claim in an authenticated principal.</summary>
    public const string ClaimType = "perm";

    public const string TicketsRead = "tickets:read";
    public const string TicketsWrite = "tickets:write";
    public const string TicketsAssign = "tickets:assign";
    public const string PiiRead = "pii:read";

    /// <summary>Erase a customer's personal data (destroys the customer's data key); only admins hold it among the built-in roles.</summary>
    public const string PiiErase = "pii:erase";
    public const string ReportsExport = "reports:export";
    public const string RulesManage = "rules:manage";
    public const string AuditRead = "audit:read";

    /// <summary>Configure channels (their platform credentials): supervisors and admins among the built-in roles.</summary>
    public const string ChannelsManage = "channels:manage";

    /// <summary>Merge and un-merge customers (identity resolution by hand): supervisors and admins among the built-in roles.</summary>
    public const string CustomersMerge = "customers:merge";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } =
        [TicketsRead, TicketsWrite, TicketsAssign, PiiRead, PiiErase, ReportsExport, RulesManage, AuditRead, ChannelsManage, CustomersMerge, Admin];

    /// <summary>Whether the principal holds the permission; admin holds every one.</summary>
    public static bool Has(ClaimsPrincipal user, string permission) =>
        user.HasClaim(ClaimType, permission) || user.HasClaim(ClaimType, Admin);
}
