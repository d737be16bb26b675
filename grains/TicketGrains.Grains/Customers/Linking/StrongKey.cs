namespace TicketGrains.Grains.Customers.Linking;

/// <summary>
/// One normalised strong key (an order number, a phone number, an e-mail address): <see cref="KeyExtractor"/> and
/// <see cref="KeyNormalizer"/> make every writing of the same key equal. Only its keyed hash is ever stored.
/// </summary>
public sealed record StrongKey(string Kind, string Value)
{
    /// <summary>The text hashed for the lookup table; the prefix keeps it apart from identity lookup names.</summary>
    public string LookupText => $"key/{Kind}:{Value}";

    public static StrongKey Order(string value) => new(KeyKinds.Order, value);

    public static StrongKey Phone(string value) => new(KeyKinds.Phone, value);

    public static StrongKey Email(string value) => new(KeyKinds.Email, value);

    /// <summary>An identity's account on a platform channel (<see cref="KeyKinds.AccountOn"/>), or null for other channels.</summary>
    public static StrongKey? Account(string channelType, Guid channelId, string externalId) =>
        KeyKinds.AccountOn(channelType, channelId) is { } kind && !string.IsNullOrWhiteSpace(externalId) ? new(kind, externalId) : null;
}
