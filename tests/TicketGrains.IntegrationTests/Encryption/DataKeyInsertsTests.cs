using Npgsql;
using TicketGrains.Grains.Encryption;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Encryption;

/// <summary>Data keys asked for at the same moment share a statement, and each caller still learns whether its own key went in.</summary>
public sealed class DataKeyInsertsTests : MigratedDatabaseTest
{
    private const string Tenant = "shop";

    [Fact]
    public async Task Keys_added_at_once_are_each_told_whether_theirs_went_in()
    {
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);
        var store = new PostgresKeyStore(source);
        Assert.True(await store.TryAddTenantKeyAsync(Tenant, new StoredTenantKey(1, [1, 2, 3], "master-1")));
        var customers = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToList();

        var adds = customers.Select(c => store.TryAddDataKeyAsync(Tenant, c, new StoredDataKey(1, [9], 1))).ToList();
        // The same version of the first customer again (a racing first contact), and a key wrapped by a tenant key
        // version that is gone (rotated away meanwhile): neither goes in, and neither costs the others theirs.
        adds.Add(store.TryAddDataKeyAsync(Tenant, customers[0], new StoredDataKey(1, [8], 1)));
        adds.Add(store.TryAddDataKeyAsync(Tenant, customers[1], new StoredDataKey(2, [7], 99)));
        var added = await Task.WhenAll(adds);

        Assert.Equal([.. Enumerable.Repeat(true, 50), false, false], added);
        Assert.Equal([50L], await Database.ColumnAsync<long>("SELECT count(*) FROM tg_customer_keys WHERE tenant_id = $1", Tenant));
        var first = Assert.Single(await store.DataKeysAsync(Tenant, customers[0]));
        Assert.Equal((1, 1), (first.Version, first.TenantKeyVersion));
        Assert.Equal([9], first.Wrapped!);
        Assert.Equal([1], (await store.DataKeysAsync(Tenant, customers[1])).Select(k => k.Version));
    }
}
