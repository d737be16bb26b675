using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Grains;
using Xunit;

namespace TicketGrains.Tests.Cluster;

/// <summary>The cached references name exactly the grain Orleans' own lookup names, on the call that fills the cache (when no earlier test did) and on the calls it serves.</summary>
[Collection(ClusterCollection.Name)]
public sealed class GrainReferenceTests(ClusterFixture fixture)
{
    [Fact]
    public void A_string_keyed_reference_is_the_grain_GetGrain_names()
    {
        foreach (var key in new[] { "tenant-a/one", "tenant-b/two", "tenant-a/one" })
        {
            var cached = (GrainReference)(object)fixture.Client.Reference<ITenantRulesGrain>(key);
            var looked = (GrainReference)(object)fixture.Client.GetGrain<ITenantRulesGrain>(key);
            Assert.Equal((looked.GrainId, looked.InterfaceType), (cached.GrainId, cached.InterfaceType));
        }
    }

    [Fact]
    public void An_empty_key_is_refused_as_GetGrain_refuses_it()
    {
        _ = fixture.Client.Reference<ITenantRulesGrain>("warm");
        Assert.Throws<ArgumentException>(() => fixture.Client.GetGrain<ITenantRulesGrain>(""));
        Assert.Throws<ArgumentException>(() => fixture.Client.Reference<ITenantRulesGrain>(""));
    }

    [Fact]
    public void An_integer_keyed_reference_is_the_grain_GetGrain_names()
    {
        foreach (var key in new long[] { 0, 42, -7 })
        {
            var cached = (GrainReference)(object)fixture.Client.Reference<IIntentClassifierGrain>(key);
            var looked = (GrainReference)(object)fixture.Client.GetGrain<IIntentClassifierGrain>(key);
            Assert.Equal((looked.GrainId, looked.InterfaceType), (cached.GrainId, cached.InterfaceType));
        }
    }

    [Fact]
    public async Task A_cached_reference_reaches_the_same_activation()
    {
        var tenant = Tenants.New();
        var created = await fixture.Client.OpenAsync(tenant, Commands.Create());
        var key = GrainKeys.For(tenant, created.Id);

        var first = fixture.Client.Reference<ITicketGrain>(key);
        var second = fixture.Client.Reference<ITicketGrain>(key);

        Assert.Equal(created.Id, (await first.GetAsync()).Id);
        Assert.Equal(created.Id, (await second.GetAsync()).Id);
    }
}
