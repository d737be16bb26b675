using TicketGrains.Grains.Encryption;

namespace TicketGrains.Grains.Customers.Linking;

/// <summary>
/// Links one contact: hashes its keys with the tenant's lookup key, finds who gave them before (followed to their
/// survivors), lets <see cref="LinkDecider"/> decide, carries the decision out (a merge or proposals), and only then
/// records the keys under the contact's own customer, so a contact handled twice (the pipeline is at least once) finds
/// the merge made or the proposal recorded and decides the same. Keys stay with the customer that gave them: an
/// un-merge leaves each side with its own. A contact whose keys nobody else gave is decided by the lookup alone, which
/// also records them (one statement, the common case: a first order, a new phone number). A link is asked one more
/// question, whether the customer it joins has another account on the contact's channel (two persons, proposed).
/// </summary>
public sealed class CustomerLinker(IIdentityKeyStore keys, ICustomerGroups groups, ILinkProposals proposals, IPersonalDataProtection protection,
    TimeProvider time, RecentContacts recent)
{
    /// <summary>The most customers a key may belong to and still count as evidence of who is writing.</summary>
    internal const int MaxHolders = 8;

    public async Task<LinkDecision> LinkAsync(string tenant, Guid contactCustomer, IReadOnlyList<StrongKey> found)
    {
        var distinct = found.Distinct().ToList();
        // An account on a platform channel is recorded with the contact's keys, so that a later link knows which channels
        // the customer writes from, but is never evidence itself; alone it is no key (a greeting costs no lookup).
        var account = distinct.FirstOrDefault(k => KeyKinds.IsAccount(k.Kind));
        if (distinct.All(k => KeyKinds.IsAccount(k.Kind)))
        {
            return LinkDecision.Same("the contact holds no order number, phone number or e-mail address");
        }

        if (recent.Seen(tenant, contactCustomer, distinct))
        {
            return LinkDecision.Same("the customer gave exactly these keys moments ago; they are recorded already");
        }

        var hashes = new List<KeyHash>(distinct.Count);
        foreach (var key in distinct)
        {
            hashes.Add(new KeyHash(key.Kind, await protection.LookupNameAsync(tenant, key.LookupText)));
        }

        var now = time.GetUtcNow();
        var holders = await keys.HoldersRecordingLoneAsync(tenant, hashes, MaxHolders + 1, contactCustomer, now);
        if (holders.Values.All(given => given.All(customer => customer == contactCustomer)))
        {
            // Nobody else gave any of them, and that same step recorded them: no merge to follow, nothing to carry out.
            recent.Linked(tenant, contactCustomer, distinct);
            return LinkDecider.Decide(contactCustomer, hasOwnOrders: false, [.. distinct.Where(k => k != account).Select(k => new HeldKey(k, new HashSet<Guid>()))]);
        }

        var contact = await groups.SurvivorAsync(tenant, contactCustomer);
        var survivors = new Dictionary<Guid, Guid>();
        var held = new List<HeldKey>(distinct.Count);
        for (var i = 0; i < distinct.Count; i++)
        {
            if (distinct[i] == account)
            {
                continue;
            }

            var set = new HashSet<Guid>();
            var given = holders.GetValueOrDefault(hashes[i]) ?? [];
            // A key more customers gave than any family shares (a shop's hotline, a sample order number) says nothing
            // about who is writing: it is no evidence, and following all its holders would cost every contact more
            // as it spreads.
            foreach (var customer in given.Count > MaxHolders ? [] : given)
            {
                if (!survivors.TryGetValue(customer, out var survivor))
                {
                    survivors[customer] = survivor = await groups.SurvivorAsync(tenant, customer);
                }

                set.Add(survivor);
            }

            held.Add(new HeldKey(distinct[i], set));
        }

        // Whether the contact has orders of its own only matters when a key points at someone else; most contacts give
        // keys nobody else gave, and asking would cost them a grain call and a query for nothing.
        var pointsElsewhere = held.Any(h => h.Holders.Any(holder => holder != contact));
        var hasOwnOrders = pointsElsewhere && await keys.AnyOfKindAsync(tenant, await groups.MembersAsync(tenant, contact), KeyKinds.Order);
        var decision = LinkDecider.Decide(contact, hasOwnOrders, held);
        if (decision is { Outcome: LinkOutcome.Link, Target: { } candidate } && account is not null
            && await keys.AnyOfKindAsync(tenant, await groups.MembersAsync(tenant, candidate), account.Kind))
        {
            decision = LinkDecider.Decide(contact, hasOwnOrders, held, account.Kind);
        }

        if (decision is { Outcome: LinkOutcome.Link, Target: { } target })
        {
            await groups.MergeAsync(tenant, target, contact, decision.Reason);
        }

        foreach (var proposal in decision.Proposals)
        {
            await proposals.AddAsync(tenant, contact, proposal, now);
        }

        await keys.AddAsync(tenant, contactCustomer, hashes, now);
        recent.Linked(tenant, contactCustomer, distinct);
        return decision;
    }
}
