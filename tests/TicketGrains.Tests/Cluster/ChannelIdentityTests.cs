using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using Xunit;

namespace TicketGrains.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class ChannelIdentityTests(ClusterFixture fixture)
{
    private static readonly CustomerReference WeChat = new()
    {
        Channel = "wechat", ExternalId = "wx-42", Name = "Li Lei", Email = "li@example.com", Tier = "gold",
    };

    private IChannelIdentityGrain Identity(string tenant, CustomerReference reference) =>
        fixture.Client.GetGrain<IChannelIdentityGrain>(GrainKeys.For(tenant, $"{reference.Channel}:{reference.ExternalId}"));

    [Fact]
    public async Task Same_identity_resolves_to_the_same_customer()
    {
        var tenant = Tenants.New();
        var identity = Identity(tenant, WeChat);

        var first = await identity.ResolveAsync(WeChat);
        await fixture.Cluster.DeactivateAsync(identity);
        var again = await identity.ResolveAsync(WeChat);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal((tenant, "Li Lei", "gold"), (again.TenantId, again.Name, again.Tier));
        Assert.Equal(["wechat:wx-42"], again.Identities);
        var stored = await fixture.Client.GetGrain<ICustomerGrain>(GrainKeys.For(tenant, first.Id)).GetAsync();
        Assert.Equal((first.Id, "Li Lei"), (stored.Id, stored.Name));
    }

    [Fact]
    public async Task Second_identity_with_the_same_details_is_a_separate_customer_until_merged()
    {
        var tenant = Tenants.New();
        var email = WeChat with { Channel = "email", ExternalId = "li@example.com" };

        var viaWeChat = await Identity(tenant, WeChat).ResolveAsync(WeChat);
        var viaEmail = await Identity(tenant, email).ResolveAsync(email);

        Assert.NotEqual(viaWeChat.Id, viaEmail.Id);
        Assert.Equal(["wechat:wx-42"], viaWeChat.Identities);
        Assert.Equal(["email:li@example.com"], viaEmail.Identities);
    }

    [Fact]
    public async Task Same_identity_in_another_tenant_is_another_customer()
    {
        var one = await Identity("shop-a" + Tenants.New(), WeChat).ResolveAsync(WeChat);
        var other = await Identity("shop-b" + Tenants.New(), WeChat).ResolveAsync(WeChat);

        Assert.NotEqual(one.Id, other.Id);
    }

    [Fact]
    public async Task Unknown_customer_is_not_found() =>
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.Client.GetGrain<ICustomerGrain>(GrainKeys.For(Tenants.New(), Guid.NewGuid())).GetAsync());
}
