using TicketGrains.Api.Security;
using Xunit;

namespace TicketGrains.Tests.Security;

public sealed class CallerPrincipalTests
{
    [Fact]
    public void One_perm_claim_per_distinct_known_permission()
    {
        var principal = CallerPrincipal.Create("shop-1", "alice", ["agent", "agent"], ["tickets:read", "tickets:read", "pii:read", "root"], "test")!;

        Assert.Equal(["tickets:read", "pii:read"], principal.FindAll(Permissions.ClaimType).Select(c => c.Value));
        Assert.Equal(["agent"], principal.FindAll(Claims.Role).Select(c => c.Value));
        Assert.Equal("shop-1", principal.FindFirst(Claims.Tenant)!.Value);
        Assert.Equal("alice", principal.Identity!.Name);
        Assert.True(principal.Identity.IsAuthenticated);
    }

    [Theory]
    [InlineData(null, "alice")]
    [InlineData("Shop_A", "alice")]
    [InlineData("shop", null)]
    [InlineData("shop", "")]
    [InlineData("shop", "alice smith")]
    public void A_missing_or_malformed_tenant_or_subject_gives_no_principal(string? tenant, string? subject) =>
        Assert.Null(CallerPrincipal.Create(tenant, subject, [], ["tickets:read"], "test"));
}
