using System.Text.Json;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using Xunit;

namespace TicketGrains.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class CustomerMergeTests(ClusterFixture fixture)
{
    private readonly string _tenant = Tenants.New();

    private async Task<Guid> RegisterAsync(string channel, string externalId, string? phone = null) =>
        (await fixture.Client.GetGrain<IChannelIdentityGrain>(GrainKeys.For(_tenant, $"{channel}:{externalId}"))
            .ResolveAsync(new CustomerReference { Channel = channel, ExternalId = externalId, Phone = phone })).Id;

    private ICustomerGrain Customer(Guid id) => fixture.Client.GetGrain<ICustomerGrain>(GrainKeys.For(_tenant, id));

    [Fact]
    public async Task A_merged_customer_answers_as_its_survivor_with_both_identities()
    {
        var weChat = await RegisterAsync("wechat", "wx-1", phone: "13812345678");
        var email = await RegisterAsync("email", "li@example.com");

        var merge = await Customer(weChat).MergeAsync(email, "sam", "same person");

        var viaEmail = await Customer(email).GetAsync();
        Assert.Equal(weChat, viaEmail.Id);
        Assert.Equal([new CustomerIdentity("wechat", "wx-1"), new CustomerIdentity("email", "li@example.com")], viaEmail.Identities);
        Assert.Equal([email], viaEmail.MergedCustomers);
        Assert.Equal(merge, Assert.Single(viaEmail.Merges));
        Assert.Equal((weChat, weChat), (await Customer(email).SurvivorAsync(), await Customer(weChat).SurvivorAsync()));
        Assert.Equal("13812345678", viaEmail.Phone);
    }

    [Fact]
    public async Task Unmerge_restores_both_customers_exactly()
    {
        var weChat = await RegisterAsync("wechat", "wx-2");
        var email = await RegisterAsync("email", "wang@example.com");
        var (beforeSurvivor, beforeMerged) = (await Customer(weChat).GetAsync(), await Customer(email).GetAsync());
        var merge = await Customer(weChat).MergeAsync(email, "sam", "same person");

        var undone = await Customer(email).UnmergeAsync(merge.MergeId, "sam");

        Assert.Equal(merge with { UnmergedAt = fixture.Time.GetUtcNow(), UnmergedBy = "sam" }, undone);
        Assert.Equal(Json(beforeSurvivor), Json(await Customer(weChat).GetAsync()));
        Assert.Equal(Json(beforeMerged), Json(await Customer(email).GetAsync()));
        Assert.Equal(email, await Customer(email).SurvivorAsync());
    }

    /// <summary>Views compared member by member, lists included.</summary>
    private static string Json(CustomerView view) => JsonSerializer.Serialize(view);

    [Fact]
    public async Task Merging_again_returns_the_merge_in_force()
    {
        var a = await RegisterAsync("wechat", "wx-3");
        var b = await RegisterAsync("douyin", "dy-3");

        var first = await Customer(a).MergeAsync(b, "sam", "same person");
        var again = await Customer(b).MergeAsync(a, "sam", "same person");

        Assert.Equal(first, again);
    }

    [Fact]
    public async Task A_customer_merged_into_a_survivor_brings_its_own_merged_customers()
    {
        var a = await RegisterAsync("wechat", "wx-4");
        var b = await RegisterAsync("email", "b4@example.com");
        var c = await RegisterAsync("phone", "13900000004");
        await Customer(b).MergeAsync(c, "sam", "same person");

        await Customer(a).MergeAsync(b, "sam", "same person");

        var view = await Customer(c).GetAsync();
        Assert.Equal(a, view.Id);
        Assert.Equal([a, b, c], await Customer(a).MembersAsync());
        Assert.Equal(3, view.Identities.Count);
    }

    [Fact]
    public async Task Bad_merges_name_the_field()
    {
        var a = await RegisterAsync("wechat", "wx-5");
        var b = await RegisterAsync("email", "b5@example.com");
        var merge = await Customer(a).MergeAsync(b, "sam", "same person");
        await Customer(a).UnmergeAsync(merge.MergeId, "sam");

        Assert.Equal("customerId", (await Assert.ThrowsAsync<InvalidFieldException>(() => Customer(a).MergeAsync(a, "sam", "r"))).Field);
        Assert.Equal("customerId", (await Assert.ThrowsAsync<InvalidFieldException>(() => Customer(a).MergeAsync(Guid.NewGuid(), "sam", "r"))).Field);
        Assert.Equal("mergeId", (await Assert.ThrowsAsync<InvalidFieldException>(() => Customer(a).UnmergeAsync(Guid.NewGuid(), "sam"))).Field);
        var twice = await Assert.ThrowsAsync<InvalidFieldException>(() => Customer(b).UnmergeAsync(merge.MergeId, "sam"));
        Assert.Equal("mergeId", twice.Field);
        Assert.Contains("undone already", twice.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => Customer(Guid.NewGuid()).MergeAsync(a, "sam", "r"));
    }
}
