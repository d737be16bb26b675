using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Customers.Linking;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Customers;

/// <summary>The fold of a customer's events.</summary>
public sealed class CustomerState
{
    public Guid Id { get; private set; }
    public int Version { get; private set; }
    public string? Name { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public string Tier { get; private set; } = TicketCatalog.DefaultTier;
    public List<string> Identities { get; } = [];

    public CustomerMerges Merges { get; } = new();

    public bool Exists => Version > 0;

    public void Apply(IDomainEvent e)
    {
        switch (e)
        {
            case CustomerRegistered r:
                (Id, Name, Phone, Email, Tier) = (r.CustomerId, r.Name, r.Phone, r.Email, r.Tier);
                Identities.Add(r.Identity);
                break;
            case CustomerProfileUpdated u:
                if (u.NewIdentity is not null)
                {
                    Identities.Add(u.NewIdentity);
                }

                (Name, Phone, Email, Tier) = (u.Name ?? Name, u.Phone ?? Phone, u.Email ?? Email, u.Tier ?? Tier);
                break;
            case CustomersMerged or CustomersUnmerged:
                Merges.Apply(e);
                break;
            default:
                throw new InvalidOperationException($"A customer cannot apply {e.GetType().Name}.");
        }

        Version++;
    }

    /// <summary>
    /// The event a contact through <paramref name="reference"/> produces: registration for a new
    /// customer, an update when it brings a new identity or changed details, otherwise none.
    /// </summary>
    public IDomainEvent? Decide(Guid customerId, CustomerReference reference, DateTimeOffset now)
    {
        var identity = IdentityKey(reference);
        if (!Exists)
        {
            return new CustomerRegistered(customerId, identity, reference.Name, reference.Phone, reference.Email,
                reference.Tier ?? TicketCatalog.DefaultTier, now);
        }

        var update = new CustomerProfileUpdated(
            Identities.Contains(identity) ? null : identity,
            Changed(reference.Name, Name),
            Changed(reference.Phone, Phone),
            Changed(reference.Email, Email),
            Changed(reference.Tier, Tier),
            now);
        return update is { NewIdentity: null, Name: null, Phone: null, Email: null, Tier: null } ? null : update;
    }

    public static string IdentityKey(CustomerReference reference) => reference.Channel + ":" + reference.ExternalId;

    private static string? Changed(string? offered, string? current) => offered is not null && offered != current ? offered : null;
}
