using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.Customers.Linking;
using TicketGrains.Grains.Encryption;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.ReadModel;

namespace TicketGrains.Grains.Customers;

/// <summary>
/// One customer across channels. Profile changes are events; open tickets are read from the read model the first time
/// someone asks for the customer and tracked in memory from then on. Loading them on every activation made a wave of
/// first contacts (or of SLA breaches touching many customers) a burst of large queries that stalled the silo.
/// A merge is an event on both customers' streams, the survivor's first; a merged customer answers as its survivor, and
/// the survivor's view gathers its members' own views, so an un-merge leaves both exactly as they were.
/// </summary>
public sealed class CustomerGrain(IEventLog log, ITicketReadModel readModel, IPersonalDataProtection protection, TimeProvider time) : Grain, ICustomerGrain
{
    private EventSourcedStream<CustomerState> _stream = null!;
    private SortedSet<Guid>? _openTickets;
    private Guid _id;
    private CustomerCipherSlot? _cipher;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _cipher?.Dispose();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (tenant, local) = GrainKeys.Split(this.GetPrimaryKeyString());
        _id = Guid.Parse(local);
        _cipher = new CustomerCipherSlot(protection, tenant);
        var codec = new PersonalEventCodec<CustomerState>(_cipher, (_, _) => _id);
        _stream = new EventSourcedStream<CustomerState>(log, tenant, StreamIds.Customer(_id), () => new CustomerState(), (s, e) => s.Apply(e), codec);
        await _stream.LoadAsync();
    }

    public async Task<CustomerSummary> RegisterAsync(CustomerReference reference)
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
        if (customerId == _id)
        {
            throw new InvalidFieldException("customerId", "A customer cannot be merged with itself.");
        }

        var other = Customer(customerId);
        try
        {
            await other.OwnAsync();
        }
        catch (NotFoundException)
        {
            throw new InvalidFieldException("customerId", $"Customer {customerId} does not exist.");
        }

        var (survivor, merged) = (await SurvivorAsync(), await other.SurvivorAsync());
        if (survivor == merged)
        {
            return await InForceWithAsync(customerId)
                ?? throw new InvalidFieldException("customerId", $"Customers {_id} and {customerId} are one customer already, through other merges.");
        }

        if (survivor != _id)
        {
            return await Customer(survivor).MergeAsync(merged, by, reason);
        }

        if (await InForceWithAsync(merged) is { } repeated)
        {
            return repeated;
        }

        var now = time.GetUtcNow();
        await _stream.AppendAsync(new CustomersMerged(Guid.CreateVersion7(now), _id, merged, by, reason, now));
        var merge = _stream.State.Merges.All[^1];
        await Customer(merged).RecordMergeAsync(merge);
        return merge;
    }

    /// <summary>
    /// The merge in force between this customer and <paramref name="customerId"/>, once the other side has caught up with
    /// it (a repeat, or a merge whose second append never happened); null when there is none.
    /// </summary>
    private async Task<CustomerMerge?> InForceWithAsync(Guid customerId)
    {
        var merge = _stream.State.Merges.All.LastOrDefault(m => m.UnmergedAt is null && (m.MergedId == customerId || m.SurvivorId == customerId));
        if (merge is not null)
        {
            await Customer(customerId).RecordMergeAsync(merge);
        }

        return merge;
    }

    public async Task<CustomerMerge> UnmergeAsync(Guid mergeId, string by)
    {
        await EnsureExistsAsync();
        if (_stream.State.Merges.Find(mergeId) is not { } merge)
        {
            throw new InvalidFieldException("mergeId", $"Customer {_id} took part in no merge {mergeId}.");
        }

        var other = Customer(merge.SurvivorId == _id ? merge.MergedId : merge.SurvivorId);
        if (merge.UnmergedAt is { } undone)
        {
            await other.RecordMergeAsync(merge);
            throw new InvalidFieldException("mergeId", $"Merge {mergeId} was undone already at {undone:O}.");
        }

        await _stream.AppendAsync(new CustomersUnmerged(mergeId, by, time.GetUtcNow()));
        merge = _stream.State.Merges.Find(mergeId)!;
        await other.RecordMergeAsync(merge);
        return merge;
    }

    public async Task RecordMergeAsync(CustomerMerge merge)
    {
        await EnsureExistsAsync();
        foreach (var e in _stream.State.Merges.Missing(merge))
        {
            await _stream.AppendAsync(e);
        }
    }

    public async Task<Guid> SurvivorAsync()
    {
        await _stream.EnsureLoadedAsync();
        return _stream.State.Merges.IntoSurvivor(_id) is { } merge ? await Customer(merge.SurvivorId).SurvivorAsync() : _id;
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
        var tickets = await TicketsAsync(tenant);
        await Task.WhenAll(tickets.Select(t => GrainFactory.Reference<ITicketGrain>(GrainKeys.For(tenant, t)).ForgetPersonalDataAsync()));
        this.DeactivateOnIdle();
        return new PersonalDataErasure(_id, destroyed, tickets.Count);
    }

    public Task TrackTicketAsync(Guid ticketId, bool open)
    {
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
