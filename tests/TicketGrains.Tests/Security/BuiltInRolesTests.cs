using TicketGrains.Api.Security;
using Xunit;

namespace TicketGrains.Tests.Security;

public sealed class BuiltInRolesTests
{
    public static TheoryData<string, string[]> Roles => new()
    {
        { "agent", ["tickets:read", "tickets:write", "tickets:assign"] },
        { "senior-agent", ["tickets:read", "tickets:write", "tickets:assign", "pii:read"] },
        { "supervisor", ["tickets:read", "tickets:write", "tickets:assign", "pii:read", "reports:export", "rules:manage", "channels:manage", "customers:merge"] },
        { "admin", ["admin"] },
        { "auditor", ["audit:read", "tickets:read"] },
        { "integration", ["tickets:read", "tickets:write"] },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public void Each_built_in_role_grants_exactly_its_permissions(string role, string[] expected) =>
        Assert.Equal(expected, BuiltInRoles.PermissionsOf(role));

    [Fact]
    public void There_are_exactly_six_built_in_roles() =>
        Assert.Equal(["admin", "agent", "auditor", "integration", "senior-agent", "supervisor"], BuiltInRoles.Names.Order(StringComparer.Ordinal));

    [Fact]
    public void An_agent_reads_no_pii_and_exports_no_reports()
    {
        var agent = Principal(["agent"]);

        Assert.False(Permissions.Has(agent, Permissions.PiiRead));
        Assert.False(Permissions.Has(agent, Permissions.ReportsExport));
        Assert.True(Permissions.Has(agent, Permissions.TicketsAssign));
    }

    [Fact]
    public void A_supervisor_reads_pii_and_exports_reports_but_is_no_admin()
    {
        var supervisor = Principal(["supervisor"]);

        Assert.True(Permissions.Has(supervisor, Permissions.PiiRead));
        Assert.True(Permissions.Has(supervisor, Permissions.ReportsExport));
        Assert.False(Permissions.Has(supervisor, Permissions.Admin));
        Assert.False(Permissions.Has(supervisor, Permissions.AuditRead));
    }

    [Fact]
    public void An_admin_holds_every_permission() =>
        Assert.All(Permissions.All, p => Assert.True(Permissions.Has(Principal(["admin"]), p), p));

    [Fact]
    public void Unknown_built_in_names_are_custom_roles_and_malformed_ones_are_dropped()
    {
        var (permissions, custom) = CallerPrincipal.ExpandBuiltIn(["auditor", "triage", "Bad Role!", "integration"]);

        Assert.Equal(["audit:read", "tickets:read", "tickets:read", "tickets:write"], permissions);
        Assert.Equal(["triage"], custom);
    }

    private static System.Security.Claims.ClaimsPrincipal Principal(string[] roles)
    {
        var (permissions, _) = CallerPrincipal.ExpandBuiltIn(roles);
        return CallerPrincipal.Create("shop", "someone", roles, permissions, "test")!;
    }
}
