namespace TicketGrains.Grains.Encryption;

/// <summary>Encryption switched off (Encryption:Enabled=false): values and identities are stored as they are.</summary>
public sealed class ClearProtection : IPersonalDataProtection
{
    public ValueTask<PersonalDataCipher> ForReadingAsync(string tenant, Guid customer, bool refresh = false) =>
        ValueTask.FromResult(PersonalDataCipher.Clear(tenant, customer));

    public ValueTask<PersonalDataCipher> ForWritingAsync(string tenant, Guid customer) => ForReadingAsync(tenant, customer);

    public ValueTask<string> LookupNameAsync(string tenant, string identity) => ValueTask.FromResult(identity);

    public Task<int> EraseAsync(string tenant, Guid customer) => Task.FromResult(0);
}
