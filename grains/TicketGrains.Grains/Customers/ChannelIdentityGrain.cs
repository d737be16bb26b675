using System.Security.Cryptography;
using System.Text;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.Encryption;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Customers;

/// <summary>
/// Maps one channel identity to its customer. A first contact derives the customer id from the
/// identity itself, so two silos racing on the same first contact agree on one customer. The identity (a phone number or
/// e-mail address for some channels) is only in this grain's key, in memory: its stream, and the customer id derived
/// from it, use the tenant's keyed hash of it instead.
/// </summary>
public sealed class ChannelIdentityGrain(IEventLog log, IPersonalDataProtection protection, TimeProvider time) : Grain, IChannelIdentityGrain
{
    /// <summary>How long a repeat contact with unchanged details may reuse the customer's last answer.</summary>
    internal static readonly TimeSpan RepeatContactWindow = TimeSpan.FromSeconds(30);

    private EventSourcedStream<Holder> _stream = null!;
    private (CustomerReference Reference, CustomerSummary Customer, DateTimeOffset At)? _lastContact;
    private string _lookupName = "";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (tenant, identity) = GrainKeys.Split(this.GetPrimaryKeyString());
        _lookupName = await protection.LookupNameAsync(tenant, identity);
        _stream = new EventSourcedStream<Holder>(log, tenant, StreamIds.Identity(_lookupName), () => new Holder(),
            (h, e) => h.CustomerId = ((IdentityClaimed)e).CustomerId);
        await _stream.LoadAsync();
    }

    public async Task<CustomerSummary> ResolveAsync(CustomerReference reference)
    {
        var now = time.GetUtcNow();
        if (_lastContact is { } last && last.Reference == reference && now - last.At < RepeatContactWindow)
        {
            // A shop's busy customer opens many tickets with the same details: nothing to register,
            // and a tier changed through another identity shows up once the window has passed.
            return last.Customer;
        }

        var tenant = _stream.TenantId;
        var customerId = _stream.State.CustomerId ?? DeriveCustomerId(tenant, GrainKeys.For(tenant, _lookupName));
        var grain = GrainFactory.Reference<ICustomerGrain>(GrainKeys.For(tenant, customerId));
        // An identity nobody claimed yet is a first contact: its derived customer is new unless an earlier attempt got that far.
        var customer = await (_stream.State.CustomerId is null ? grain.RegisterFirstContactAsync(reference) : grain.RegisterAsync(reference));
        if (_stream.State.CustomerId is null)
        {
            try
            {
                await _stream.AppendAsync(new IdentityClaimed(customerId, time.GetUtcNow()));
            }
            catch (ConflictException)
            {
                await _stream.LoadAsync();
            }
        }

        _lastContact = (reference, customer, now);
        return customer;
    }

    public Task<Guid?> FindAsync()
    {
        if (_stream.State.CustomerId is null)
        {
            // Lookups of unknown identities (typos, probing) must not pile up activations.
            this.DeactivateOnIdle();
        }

        return Task.FromResult(_stream.State.CustomerId);
    }

    public Task ForgetAsync()
    {
        _lastContact = null;
        this.DeactivateOnIdle();
        return Task.CompletedTask;
    }

    internal static Guid DeriveCustomerId(string tenant, string grainKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("customer\n" + tenant + "\n" + grainKey));
        return new Guid(hash.AsSpan(0, 16));
    }

    /// <summary>The identity's state: which customer claimed it.</summary>
    internal sealed class Holder
    {
        public Guid? CustomerId { get; set; }
    }
}
