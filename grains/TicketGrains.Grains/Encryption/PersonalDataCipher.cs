using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TicketGrains.Grains.Encryption;

/// <summary>
/// Seals and opens one customer's personal values with that customer's data keys. Values that carry no sealed prefix
/// (written with encryption off) open as they are. Not for concurrent use: each grain activation or request has its own
/// (it keeps one AES-GCM instance per key version, since setting one up costs more than sealing a short value).
/// </summary>
public sealed class PersonalDataCipher : IDisposable
{
    private readonly string _tenant;
    private readonly CustomerKeys _keys;
    private readonly Dictionary<int, (AesGcm Aes, byte[] Context)> _prepared = [];

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
        var (aes, context) = Prepared(version, _keys.ByVersion[version]!);
        var sealedBytes = Aead.Seal(aes, Encoding.UTF8.GetBytes(value), context);
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

        var (aes, context) = Prepared(version, key);
        return Encoding.UTF8.GetString(Aead.Open(aes, sealedBytes.AsSpan(0, length), context));
    }

    /// <summary>
    /// Frees the native AES-GCM contexts now: left to finalizers, one per created ticket, they cost the finalizer
    /// thread and promote every instance through a GC generation.
    /// </summary>
    public void Dispose()
    {
        foreach (var (aes, _) in _prepared.Values)
        {
            aes.Dispose();
        }

        _prepared.Clear();
    }

    private (AesGcm Aes, byte[] Context) Prepared(int version, byte[] key)
    {
        if (!_prepared.TryGetValue(version, out var prepared))
        {
            _prepared[version] = prepared = (Aead.Create(key), KeyContexts.Field(_tenant, Customer, version));
        }

        return prepared;
    }
}
