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

    private Task<CustomerView> Customer(string tenant, Guid id) =>
        fixture.Client.GetGrain<ICustomerGrain>(GrainKeys.For(tenant, id)).GetAsync();

    [Fact]
    public async Task Same_identity_resolves_to_the_same_customer()
    {
        var tenant = Tenants.New();
        var identity = Identity(tenant, WeChat);

        var first = await identity.ResolveAsync(WeChat);
        await fixture.Cluster.DeactivateAsync(identity);
        var again = await identity.ResolveAsync(WeChat);

        Assert.Equal(first, again);
        Assert.Equal("gold", again.Tier);
        var stored = await Customer(tenant, first.Id);
        Assert.Equal((first.Id, tenant, "Li Lei", "gold"), (stored.Id, stored.TenantId, stored.Name, stored.Tier));
        Assert.Equal([new CustomerIdentity("wechat", "wx-42")], stored.Identities);
    }

    [Fact]
    public async Task Second_identity_with_the_same_details_is_a_separate_customer_until_merged()
    {
        var tenant = Tenants.New();
        var email = WeChat with { Channel = "email", ExternalId = "li@example.com" };

        var viaWeChat = await Identity(tenant, WeChat).ResolveAsync(WeChat);
        var viaEmail = await Identity(tenant, email).ResolveAsync(email);

        Assert.NotEqual(viaWeChat.Id, viaEmail.Id);
        Assert.Equal([new CustomerIdentity("wechat", "wx-42")], (await Customer(tenant, viaWeChat.Id)).Identities);
        Assert.Equal([new CustomerIdentity("email", "li@example.com")], (await Customer(tenant, viaEmail.Id)).Identities);
    }

    [Fact]
    public async Task Same_identity_in_another_tenant_is_another_customer()
    {
        var one = await Identity("shop-a" + Tenants.New(), WeChat).ResolveAsync(WeChat);
        var other = await Identity("shop-b" + Tenants.New(), WeChat).ResolveAsync(WeChat);

        Assert.NotEqual(one.Id, other.Id);
    }

    [Fact]
    public async Task Repeat_contact_reuses_the_customer_briefly_then_sees_a_changed_tier()
    {
        // The chat channel does not know the tier; the shop sets it on the customer another way.
        var tenant = Tenants.New();
        var noTier = WeChat with { Tier = null };
        var identity = Identity(tenant, noTier);
        var first = await identity.ResolveAsync(noTier);
        var customer = fixture.Client.GetGrain<ICustomerGrain>(GrainKeys.For(tenant, first.Id));
        await customer.RegisterAsync(noTier with { Tier = "vip" });

        var withinWindow = await identity.ResolveAsync(noTier);
        fixture.Time.Advance(TimeSpan.FromSeconds(31));
        var afterWindow = await identity.ResolveAsync(noTier);

        Assert.Equal((first.Tier, "vip"), (withinWindow.Tier, afterWindow.Tier));
        Assert.NotEqual("vip", first.Tier);
    }

    [Fact]
    public async Task Changed_details_are_registered_at_once()
    {
        var tenant = Tenants.New();
        var identity = Identity(tenant, WeChat);
        var first = await identity.ResolveAsync(WeChat);

        var changed = await identity.ResolveAsync(WeChat with { Tier = "vip", Name = "Li Lei (VIP)" });

        Assert.Equal((first.Id, "vip"), (changed.Id, changed.Tier));
        Assert.Equal("Li Lei (VIP)", (await Customer(tenant, first.Id)).Name);
    }

    [Fact]
    public async Task A_first_contact_registration_of_a_customer_that_exists_already_is_decided_on_its_stream()
    {
        // An earlier attempt registered the customer but never claimed the identity: the unread first append conflicts.
        var tenant = Tenants.New();
        var customer = fixture.Client.GetGrain<ICustomerGrain>(GrainKeys.For(tenant, Guid.NewGuid()));
        var registered = await customer.RegisterAsync(WeChat);
        await fixture.Cluster.DeactivateAsync(customer);

        var again = await customer.RegisterFirstContactAsync(WeChat with { Tier = null, Name = "Li Lei (again)" });

        Assert.Equal((registered.Id, "gold"), (again.Id, again.Tier));
        var view = await customer.GetAsync();
        Assert.Equal(("Li Lei (again)", "gold"), (view.Name, view.Tier));
        Assert.Equal([new CustomerIdentity("wechat", "wx-42")], view.Identities);
    }

    [Fact]
    public async Task Unknown_customer_is_not_found() =>
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.Client.GetGrain<ICustomerGrain>(GrainKeys.For(Tenants.New(), Guid.NewGuid())).GetAsync());
}
