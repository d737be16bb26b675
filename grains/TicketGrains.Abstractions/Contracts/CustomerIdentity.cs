namespace TicketGrains.Abstractions.Contracts;

/// <summary>One identity of a customer: the channel and the customer's id there (OpenID, e-mail address, phone number …).</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.CustomerIdentity")]
public sealed record class CustomerIdentity([property: Id(0)] string Channel, [property: Id(1)] string ExternalId)
{
    /// <summary>
    /// "channel:externalId" as the customer's events store it (a channel name holds no ':'). An erased identity was sealed
    /// whole, channel included, so both parts read as the erasure marker it became.
    /// </summary>
    public static CustomerIdentity Parse(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new CustomerIdentity(key, key) : new CustomerIdentity(key[..colon], key[(colon + 1)..]);
    }
}
