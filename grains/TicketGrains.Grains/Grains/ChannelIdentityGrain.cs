using System.Security.Cryptography;
using System.Text;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.Domain.Events;
using TicketGrains.Grains.Persistence;

namespace TicketGrains.Grains.Grains;

/// <summary>
/// Maps one channel identity to its customer. A first contact derives the customer id from the
/// identity itself, so two silos racing on the same first contact agree on one customer.
/// </summary>
public sealed class ChannelIdentityGrain(IEventLog log, TimeProvider time) : Grain, IChannelIdentityGrain
{
    /// <summary>How long a repeat contact with unchanged details may reuse the customer's last answer.</summary>
    internal static readonly TimeSpan RepeatContactWindow = TimeSpan.FromSeconds(30);

    private EventSourcedStream<Holder> _stream = null!;
    private (CustomerReference Reference, CustomerSummary Customer, DateTimeOffset At)? _lastContact;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (tenant, identity) = GrainKeys.Split(this.GetPrimaryKeyString());
        _stream = new EventSourcedStream<Holder>(log, tenant, StreamIds.Identity(identity), () => new Holder(),
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
        var customerId = _stream.State.CustomerId ?? DeriveCustomerId(tenant, this.GetPrimaryKeyString());
        var customer = await GrainFactory.Reference<ICustomerGrain>(GrainKeys.For(tenant, customerId)).RegisterAsync(reference);
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
