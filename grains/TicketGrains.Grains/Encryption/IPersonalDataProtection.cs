namespace TicketGrains.Grains.Encryption;

/// <summary>Where grains get the means to seal and open a customer's personal values, and to hash identities for lookup.</summary>
public interface IPersonalDataProtection
{
    /// <summary>A cipher that opens the customer's values; it never creates a key.</summary>
    ValueTask<PersonalDataCipher> ForReadingAsync(string tenant, Guid customer, bool refresh = false);

    /// <summary>A cipher that can also seal: creates the customer's data key on first use (or a new one after an erasure).</summary>
    ValueTask<PersonalDataCipher> ForWritingAsync(string tenant, Guid customer);

    /// <summary>The name an identity ("channel:externalId") is stored and found under: a keyed hash, never the identity itself.</summary>
    ValueTask<string> LookupNameAsync(string tenant, string identity);

    /// <summary>Destroys the customer's data keys; returns how many were live.</summary>
    Task<int> EraseAsync(string tenant, Guid customer);
}
