using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.Attachments;
using TicketGrains.Grains.Customers.Linking;
using TicketGrains.Grains.Encryption;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.ReadModel;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.Customers;

/// <summary>
/// One customer across channels. Profile changes are events; open tickets are read from the read model the first time
/// someone asks for the customer and tracked in memory from then on. Loading them on every activation made a wave of
/// first contacts (or of SLA breaches touching many customers) a burst of large queries that stalled the silo.
/// A merge is an event on both customers' streams, the survivor's first; a merged customer answers as its survivor, and
/// the survivor's view gathers its members' own views, so an un-merge leaves both exactly as they were.
/// </summary>
public sealed class CustomerGrain(
    IEventLog log, ITicketReadModel readModel, IPersonalDataProtection protection, IAttachmentStore attachments, TimeProvider time) : Grain, ICustomerGrain
{
    private EventSourcedStream<CustomerState> _stream = null!;
    private SortedSet<Guid>? _openTickets;
    private readonly TicketVersions _trackedVersions = new();
    private Guid _id;
    private CustomerCipherSlot? _cipher;
    private CustomerMergeSteps _merges = null!;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _cipher?.Dispose();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (tenant, local) = GrainKeys.Split(this.GetPrimaryKeyString());
        _id = Guid.Parse(local);
        _cipher = new CustomerCipherSlot(protection, tenant);
        var codec = new PersonalEventCodec<CustomerState>(_cipher, (_, _) => _id);
        _stream = new EventSourcedStream<CustomerState>(log, tenant, StreamIds.Customer(_id), () => new CustomerState(), (s, e) => s.Apply(e), codec);
        _merges = new CustomerMergeSteps(_stream, _id, time, Customer, SurvivorAsync);
        // Loaded by the first call that needs it (every method below), so a first contact's registration can skip the read.
        return Task.CompletedTask;
    }

    public async Task<CustomerSummary> RegisterAsync(CustomerReference reference)
    {
        await _stream.EnsureLoadedAsync();
        return await RegisterLoadedAsync(reference);
    }

    public Task<CustomerSummary> RegisterFirstContactAsync(CustomerReference reference)
    {
        if (!_stream.Loaded)
        {
            // Version 1 without reading: the log's unique (stream, version) key makes an existing customer a conflict below.
            _stream.AssumeEmpty();
        }

        return RegisterLoadedAsync(reference);
    }

    private async Task<CustomerSummary> RegisterLoadedAsync(CustomerReference reference)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (_stream.State.Decide(_id, reference, time.GetUtcNow()) is not { } change)
            {
                return Summary();
            }

            try
            {
                await _stream.AppendAsync(change);
                return Summary();
            }
            catch (ConflictException) when (attempt == 0)
            {
                // The same first contact arrived through another activation; decide again on its result.
                await _stream.LoadAsync();
            }
        }
    }

    public async Task<CustomerView> GetAsync()
    {
        var own = await OwnAsync();
        if (_stream.State.Merges.IntoSurvivor(_id) is { } merge)
        {
            return await Customer(merge.SurvivorId).GetAsync();
        }

        var members = await MembersAsync();
        var parts = await Task.WhenAll(members.Skip(1).Select(m => Customer(m).OwnAsync()));
        return CustomerViews.Gather(own, parts);
    }

    public async Task<CustomerView> OwnAsync()
    {
        await EnsureExistsAsync();
        // Tickets are durable with their read-model row before they notify the customer, so the read model holds
        // every change made before this point and the tracking below every change after it.
        _openTickets ??= [.. await readModel.OpenTicketsOfCustomerAsync(_stream.TenantId, _id)];
        return View(_openTickets);
    }

    public async Task<CustomerMerge> MergeAsync(Guid customerId, string by, string reason)
    {
        await EnsureExistsAsync();
        return await _merges.MergeAsync(customerId, by, reason);
    }

    public async Task<CustomerMerge> UnmergeAsync(Guid mergeId, string by)
    {
        await EnsureExistsAsync();
        return await _merges.UnmergeAsync(mergeId, by);
    }

    public async Task RecordMergeAsync(CustomerMerge merge)
    {
        await EnsureExistsAsync();
        await _merges.RecordAsync(merge);
    }

    public async Task<Guid> SurvivorAsync()
    {
        await _stream.EnsureLoadedAsync();
        return _stream.State.Merges.IntoSurvivor(_id) is { } merge ? await Customer(merge.SurvivorId).SurvivorAsync() : _id;
    }

    public async Task<Guid> ExistingSurvivorAsync()
    {
        await EnsureExistsAsync();
        return await SurvivorAsync();
    }

    public async Task<IReadOnlyList<Guid>> MembersAsync()
    {
        await _stream.EnsureLoadedAsync();
        var members = new List<Guid> { _id };
        foreach (var merge in _stream.State.Merges.Absorbed(_id))
        {
            members.AddRange(await Customer(merge.MergedId).MembersAsync());
        }

        return members;
    }

    public async Task<PersonalDataErasure> ErasePersonalDataAsync()
    {
        await EnsureExistsAsync();

        var tenant = _stream.TenantId;
        // The identities are readable only until the key goes: their grains drop the last contact's details first.
        await Task.WhenAll(_stream.State.Identities.Where(i => i != PersonalData.Erased)
            .Select(i => GrainFactory.Reference<IChannelIdentityGrain>(GrainKeys.For(tenant, i)).ForgetAsync()));
        var destroyed = await protection.EraseAsync(tenant, _id);
        // Unreadable from here on (their keys were sealed with the customer's); the rows go too.
        await attachments.DeleteOfCustomerAsync(tenant, _id, CancellationToken.None);
        var tickets = await TicketsAsync(tenant);
        await Task.WhenAll(tickets.Select(t => GrainFactory.Reference<ITicketGrain>(GrainKeys.For(tenant, t)).ForgetPersonalDataAsync()));
        this.DeactivateOnIdle();
        return new PersonalDataErasure(_id, destroyed, tickets.Count);
    }

    public Task TrackTicketAsync(Guid ticketId, bool open, int version)
    {
        // A solve and a reopen moments apart can arrive swapped; the older note must not undo the newer. The version is
        // kept even before the set is loaded, so a note older than the read model's state is not applied after the load.
        if (!_trackedVersions.Admit(ticketId, version, time.GetUtcNow()))
        {
            return Task.CompletedTask;
        }

        // Before the first read the set is not loaded, and the read model already holds this change.
        if (open)
        {
            _openTickets?.Add(ticketId);
        }
        else
        {
            _openTickets?.Remove(ticketId);
        }

        return Task.CompletedTask;
    }

    /// <summary>Every ticket of the customer, open or not, from the read model.</summary>
    private async Task<List<Guid>> TicketsAsync(string tenant)
    {
        var tickets = new List<Guid>();
        TicketCursor? after = null;
        do
        {
            var page = await readModel.ListAsync(new TicketQuery(tenant, null, null, _id, null, after, 200));
            tickets.AddRange(page.Items.Select(i => i.Row.TicketId));
            after = page.NextCursor is { } next && TicketCursor.TryDecode(next, out var cursor) ? cursor : null;
        }
        while (after is not null);

        return tickets;
    }

    private async Task EnsureExistsAsync()
    {
        await _stream.EnsureLoadedAsync();
        if (!_stream.State.Exists)
        {
            throw new NotFoundException($"Customer {_id} does not exist.");
        }
    }

    private ICustomerGrain Customer(Guid id) => GrainFactory.Reference<ICustomerGrain>(GrainKeys.For(_stream.TenantId, id));

    private CustomerSummary Summary() => new(_id, _stream.State.Tier);

    private CustomerView View(SortedSet<Guid> openTickets)
    {
        var s = _stream.State;
        return new CustomerView
        {
            Id = _id,
            TenantId = _stream.TenantId,
            Name = s.Name,
            Tier = s.Tier,
            Identities = [.. s.Identities.Select(CustomerIdentity.Parse)],
            OpenTickets = [.. openTickets],
            Phone = s.Phone,
            Email = s.Email,
            Merges = [.. s.Merges.Absorbed(_id)],
        };
    }
}
