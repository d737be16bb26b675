using Microsoft.Extensions.Options;
using Npgsql;
using TicketGrains.Grains.Encryption;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Encryption;

/// <summary>The key ring on a real PostgreSQL when a customer's unwrapped key has expired from memory.</summary>
public sealed class KeyRingExpiryTests : MigratedDatabaseTest
{
    private static readonly EncryptionOptions Settings = new()
    {
        MasterKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),

        // Every key is stale by its next use, so each call below goes back to the database.
        KeyCacheTtl = TimeSpan.FromTicks(1),
    };

    [Fact]
    public async Task An_expired_key_is_read_back_and_keeps_opening_what_it_sealed()
    {
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);
        using var ring = new KeyRing(new PostgresKeyStore(source), new MasterKeys(Settings), Options.Create(Settings));
        var customer = Guid.NewGuid();

        string sealedFirst;
        using (var first = await ring.ForWritingAsync("shop-a", customer))
        {
            sealedFirst = first.Seal("13812345678");
        }

        using var second = await ring.ForWritingAsync("shop-a", customer);
        using var reader = await ring.ForReadingAsync("shop-a", customer);

        Assert.Equal(("13812345678", "13912345678"), (reader.Open(sealedFirst), reader.Open(second.Seal("13912345678"))));
        Assert.Equal([1], await Database.ColumnAsync<int>(
            "SELECT version FROM tg_customer_keys WHERE tenant_id = 'shop-a' AND customer_id = $1", customer));
    }

    [Fact]
    public async Task A_customer_erased_after_the_key_expired_gets_a_new_key_version_not_the_erased_one()
    {
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);
        using var ring = new KeyRing(new PostgresKeyStore(source), new MasterKeys(Settings), Options.Create(Settings));
        var customer = Guid.NewGuid();
        (await ring.ForWritingAsync("shop-a", customer)).Dispose();
        await Database.ExecuteAsync(
            "UPDATE tg_customer_keys SET wrapped_key = NULL, tenant_key_version = NULL, erased_at = now() WHERE customer_id = $1", customer);

        using var after = await ring.ForWritingAsync("shop-a", customer);

        Assert.Equal([2], await Database.ColumnAsync<int>(
            "SELECT version FROM tg_customer_keys WHERE tenant_id = 'shop-a' AND customer_id = $1 AND wrapped_key IS NOT NULL", customer));
        using var reader = await ring.ForReadingAsync("shop-a", customer);
        Assert.Equal("0571-88886666", reader.Open(after.Seal("0571-88886666")));
    }
}
