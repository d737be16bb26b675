using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using TicketGrains.Grains.Encryption;

namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>
/// Every data key of a tenant still stored in the database, unwrapped with the given master keys: what the product's
/// key ring holds, rebuilt independently so tests can open (or try to open) sealed values read raw from the tables.
/// </summary>
public sealed partial class StoredDataKeys
{
    private readonly string _tenant;
    private readonly Dictionary<(Guid Customer, int Version), byte[]> _keys;

    private StoredDataKeys(string tenant, Dictionary<(Guid, int), byte[]> keys) => (_tenant, _keys) = (tenant, keys);

    public IEnumerable<byte[]> All => _keys.Values;

    public static async Task<StoredDataKeys> LoadAsync(string connectionString, IReadOnlyList<string> masterKeys, string tenant)
    {
        var master = new MasterKeys(new EncryptionOptions { MasterKey = masterKeys[0], PreviousMasterKeys = [.. masterKeys.Skip(1)] });
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var tenantKeys = new Dictionary<int, byte[]>();
        await using (var command = dataSource.CreateCommand("SELECT version, wrapped_key, master_key_id FROM tg_tenant_keys WHERE tenant_id = $1"))
        {
            command.Parameters.AddWithValue(tenant);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var version = reader.GetInt32(0);
                tenantKeys[version] = master.Unwrap(reader.GetString(2), reader.GetFieldValue<byte[]>(1), KeyContexts.TenantKey(tenant, version));
            }
        }

        var keys = new Dictionary<(Guid, int), byte[]>();
        await using (var command = dataSource.CreateCommand(
            "SELECT customer_id, version, wrapped_key, tenant_key_version FROM tg_customer_keys WHERE tenant_id = $1 AND wrapped_key IS NOT NULL"))
        {
            command.Parameters.AddWithValue(tenant);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var (customer, version) = (reader.GetGuid(0), reader.GetInt32(1));
                keys[(customer, version)] = Aead.Open(tenantKeys[reader.GetInt32(3)], reader.GetFieldValue<byte[]>(2), KeyContexts.DataKey(tenant, customer, version));
            }
        }

        return new StoredDataKeys(tenant, keys);
    }

    /// <summary>The sealed values ("tge1:{version}:{base64}") found in a text.</summary>
    public static IEnumerable<string> SealedValuesIn(string text) => Sealed().Matches(text).Select(m => m.Value);

    /// <summary>Opens a value of the customer with the customer's own key; throws when that key is gone or does not fit.</summary>
    public string Open(Guid customer, string sealedValue)
    {
        var (version, bytes) = Parse(sealedValue);
        return Encoding.UTF8.GetString(Aead.Open(_keys[(customer, version)], bytes, KeyContexts.Field(_tenant, customer, version)));
    }

    /// <summary>What any stored key opens of the value, as an attacker would try: empty when nothing does.</summary>
    public IEnumerable<string> TryEveryKey(Guid customer, string sealedValue)
    {
        var (version, bytes) = Parse(sealedValue);
        foreach (var key in _keys.Values)
        {
            byte[] plaintext;
            try
            {
                plaintext = Aead.Open(key, bytes, KeyContexts.Field(_tenant, customer, version));
            }
            catch (CryptographicException)
            {
                continue;
            }

            yield return Encoding.UTF8.GetString(plaintext);
        }
    }

    private static (int Version, byte[] Bytes) Parse(string sealedValue)
    {
        var match = Sealed().Match(sealedValue);
        return match.Success
            ? (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), Convert.FromBase64String(match.Groups[2].Value))
            : throw new FormatException($"Not a sealed value: {sealedValue}");
    }

    [GeneratedRegex("tge1:([0-9]+):([A-Za-z0-9+/=]+)")]
    private static partial Regex Sealed();
}
