using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace TicketGrains.Grains.Customers.Linking;

/// <summary>
/// Contacts this silo linked a moment ago, by customer and the exact keys they gave (as a digest: no clear phone
/// number or address is held). A shop's customer opens ticket after ticket with the same order number, phone and
/// e-mail address; linking each again read and wrote the key tables for nothing, and tripled what a ticket create cost
/// PostgreSQL. Skipping a repeat loses nothing: its keys are recorded already, and a later contact by anyone else who
/// gives them finds them there and is decided against them.
/// </summary>
public sealed class RecentContacts(TimeProvider time)
{
    /// <summary>How long a linked contact is remembered.</summary>
    internal static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>More entries than this and the memory starts over rather than grow.</summary>
    internal const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _linked = new(StringComparer.Ordinal);

    /// <summary>Whether this customer gave exactly these keys within the window.</summary>
    public bool Seen(string tenant, Guid customer, IReadOnlyList<StrongKey> keys) =>
        _linked.TryGetValue(Digest(tenant, customer, keys), out var at) && time.GetUtcNow() - at < Window;

    public void Linked(string tenant, Guid customer, IReadOnlyList<StrongKey> keys)
    {
        if (_linked.Count >= Capacity)
        {
            _linked.Clear();
        }

        _linked[Digest(tenant, customer, keys)] = time.GetUtcNow();
    }

    private static string Digest(string tenant, Guid customer, IReadOnlyList<StrongKey> keys)
    {
        var text = new StringBuilder().Append(tenant).Append('\n').Append(customer.ToString("N"));
        foreach (var key in keys.Select(k => $"{k.Kind}:{k.LookupText}").Order(StringComparer.Ordinal))
        {
            text.Append('\n').Append(key);
        }

        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
