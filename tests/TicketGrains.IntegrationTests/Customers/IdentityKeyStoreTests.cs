using Npgsql;
using TicketGrains.Grains.Customers.Linking;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Customers;

/// <summary>The key table in PostgreSQL: the lookup records a contact's keys in the same statement only when nobody else gave them.</summary>
public sealed class IdentityKeyStoreTests : MigratedDatabaseTest
{
    private const string Tenant = "shop";
    private static readonly DateTimeOffset At = new(2026, 11, 11, 8, 0, 0, TimeSpan.Zero);
    private static readonly KeyHash Order = new(KeyKinds.Order, new string('a', 64));
    private static readonly KeyHash Phone = new(KeyKinds.Phone, new string('b', 64));

    [Fact]
    public async Task Keys_nobody_else_gave_are_recorded_by_the_lookup_and_keys_another_customer_gave_are_not()
    {
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);
        var store = new PostgresIdentityKeyStore(source);
        var (li, wang) = (Guid.NewGuid(), Guid.NewGuid());

        var first = await store.HoldersRecordingLoneAsync(Tenant, [Order], 9, li, At);
        var again = await store.HoldersRecordingLoneAsync(Tenant, [Order, Phone], 9, li, At);
        var other = await store.HoldersRecordingLoneAsync(Tenant, [Order, Phone], 9, wang, At);

        Assert.Empty(first);
        Assert.Equal([li], again[Order]);
        Assert.False(again.ContainsKey(Phone));
        Assert.Equal([li], other[Order]);
        Assert.Equal([li], other[Phone]);
        Assert.Equal([(KeyKinds.Order, li), (KeyKinds.Phone, li)], await RowsAsync());
    }

    private async Task<List<(string, Guid)>> RowsAsync() =>
        [.. (await Database.PairsAsync<string, Guid>("SELECT key_kind, customer_id FROM tg_identity_keys WHERE tenant_id = $1 ORDER BY key_kind", Tenant))
            .Select(p => (p.Key, p.Value))];
}
