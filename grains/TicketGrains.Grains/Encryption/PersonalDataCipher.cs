using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TicketGrains.Grains.Encryption;

/// <summary>
/// Seals and opens one customer's personal values with that customer's data keys. Values that carry no sealed prefix
/// (written with encryption off) open as they are.
/// </summary>
public sealed class PersonalDataCipher
{
    private readonly string _tenant;
    private readonly CustomerKeys _keys;

    /// <summary>A cipher over <paramref name="keys"/>; authoritative when they were just read from the database, so a version missing from them does not exist.</summary>
    public PersonalDataCipher(string tenant, Guid customer, CustomerKeys keys, bool authoritative)
    {
        (_tenant, Customer, _keys, Authoritative) = (tenant, customer, keys, authoritative);
    }

    /// <summary>A cipher that stores values as they are (encryption switched off).</summary>
    public static PersonalDataCipher Clear(string tenant, Guid customer) => new(tenant, customer, CustomerKeys.None, authoritative: true) { IsClear = true };

    public Guid Customer { get; }

    public bool Authoritative { get; }

    public bool IsClear { get; private init; }

    public bool CanSeal => IsClear || _keys.CurrentVersion is not null;

    public string Seal(string value)
    {
        if (IsClear)
        {
            return value;
        }

        var version = _keys.CurrentVersion ?? throw new InvalidOperationException("The customer has no live data key to seal with.");
        var sealedBytes = Aead.Seal(_keys.ByVersion[version]!, Encoding.UTF8.GetBytes(value), KeyContexts.Field(_tenant, Customer, version));
        return string.Create(CultureInfo.InvariantCulture, $"{PersonalData.SealedPrefix}{version}:{Convert.ToBase64String(sealedBytes)}");
    }

    /// <summary>
    /// The clear value; <see cref="PersonalData.Erased"/> when its key was destroyed. Throws UnknownKeyVersionException when
    /// the key version is not loaded (and these keys are not authoritative), CryptographicException when the value was altered.
    /// </summary>
    public string Open(string value)
    {
        if (!value.StartsWith(PersonalData.SealedPrefix, StringComparison.Ordinal))
        {
            return value;
        }

        var rest = value.AsSpan(PersonalData.SealedPrefix.Length);
        var colon = rest.IndexOf(':');
        if (colon <= 0 || !int.TryParse(rest[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new CryptographicException("A sealed value has no key version.");
        }

        if (!_keys.ByVersion.TryGetValue(version, out var key))
        {
            return Authoritative ? PersonalData.Erased : throw new UnknownKeyVersionException(version);
        }

        if (key is null)
        {
            return PersonalData.Erased;
        }

        var sealedBytes = new byte[rest.Length];
        if (!Convert.TryFromBase64Chars(rest[(colon + 1)..], sealedBytes, out var length))
        {
            throw new CryptographicException("A sealed value is not base64.");
        }

        return Encoding.UTF8.GetString(Aead.Open(key, sealedBytes.AsSpan(0, length), KeyContexts.Field(_tenant, Customer, version)));
    }
}
