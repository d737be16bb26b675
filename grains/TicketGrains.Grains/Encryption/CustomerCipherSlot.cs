using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Encryption;

/// <summary>
/// The cipher of the one customer whose personal data a grain holds, fetched once per activation. An erasure
/// deactivates the grain, so a cipher never outlives its customer's key in memory for longer than the call in flight.
/// </summary>
internal sealed class CustomerCipherSlot(IPersonalDataProtection protection, string tenant) : IDisposable
{
    private PersonalDataCipher? _cipher;

    /// <summary>The cipher of the last seal or open (a read-model row is sealed right after its event).</summary>
    public PersonalDataCipher Loaded => _cipher ?? throw new InvalidOperationException("No cipher loaded yet.");

    public async ValueTask<PersonalDataCipher> ForWritingAsync(Guid customer)
    {
        if (_cipher is { CanSeal: true } cipher && cipher.Customer == customer)
        {
            return cipher;
        }

        return _cipher = await protection.ForWritingAsync(tenant, customer);
    }

    /// <summary>Called when the grain deactivates. A cipher replaced earlier (another customer, a refresh) is rare and left to its finalizer.</summary>
    public void Dispose()
    {
        _cipher?.Dispose();
        _cipher = null;
    }

    public async ValueTask<IDomainEvent> SealAsync(IDomainEvent e, Guid customer) => EventProtection.Map(e, (await ForWritingAsync(customer)).Seal);

    public ValueTask<IDomainEvent> OpenAsync(IDomainEvent e, Guid customer) => OpenAsync(customer, c => EventProtection.Map(e, c.Open));

    /// <summary>Opens with the cached keys; a key version made elsewhere meanwhile is fetched once before giving up on it.</summary>
    public async ValueTask<T> OpenAsync<T>(Guid customer, Func<PersonalDataCipher, T> open)
    {
        if (_cipher is null || _cipher.Customer != customer)
        {
            _cipher = await protection.ForReadingAsync(tenant, customer);
        }

        try
        {
            return open(_cipher);
        }
        catch (UnknownKeyVersionException)
        {
            _cipher = await protection.ForReadingAsync(tenant, customer, refresh: true);
            return open(_cipher);
        }
    }
}
