namespace TicketGrains.Grains.Customers.Linking;

/// <summary>
/// Decides whether a contact is its own customer, links to another customer, or only proposes a link. A link needs
/// one consistent story: the order numbers and e-mail addresses that belong to someone else all belong to the same one
/// customer, no key of the message belongs to a customer outside it, and the contact's customer has no orders of its
/// own yet (a customer with its own orders who names someone else's order is two customers on one order, or a family
/// member asking for another). A phone number never links on its own: families and shops share one. A link that would
/// give one customer two accounts on one channel (two WeChat users of one official account) is proposed instead: that is
/// two persons, most often a family member asking about a relative's order. Everything else that points at other
/// customers is proposed, never merged. Pure: the caller looks the keys up.
/// </summary>
public static class LinkDecider
{
    /// <param name="contact">The contact's customer (its survivor after merges).</param>
    /// <param name="hasOwnOrders">Whether that customer gave order numbers before this contact.</param>
    /// <param name="keys">The keys of the contact, each with the customers (survivors) that gave it before.</param>
    /// <param name="accountTaken">
    /// The kind of the contact's account (<see cref="KeyKinds.AccountOn"/>) when the customer a link would join has
    /// another account on that channel already; the caller asks only once a first decision links.
    /// </param>
    public static LinkDecision Decide(Guid contact, bool hasOwnOrders, IReadOnlyList<HeldKey> keys, string? accountTaken = null)
    {
        var pointing = keys
            .Select(k => new Pointer(k.Key, [.. k.Holders.Where(h => h != contact)]))
            .Where(p => p.Others.Count > 0)
            .ToList();
        if (pointing.Count == 0)
        {
            return LinkDecision.Same(keys.Count == 0
                ? "the contact holds no order number, phone number or e-mail address"
                : "no key of the contact belongs to another customer");
        }

        var decisive = pointing.Where(p => KeyKinds.Decides(p.Key.Kind)).ToList();
        var targets = decisive.SelectMany(p => p.Others).Distinct().ToList();
        var contradicting = targets.Count == 1 ? pointing.Where(p => !p.Others.Contains(targets[0])).ToList() : [];
        var consistent = targets.Count == 1 && !hasOwnOrders && contradicting.Count == 0;
        if (consistent && accountTaken is null)
        {
            var confirming = pointing.Where(p => !KeyKinds.Decides(p.Key.Kind)).ToList();
            return LinkDecision.LinkTo(targets[0], $"the contact's {Kinds(decisive)} {Verb(decisive, "belongs", "belong")} to this customer alone"
                + (confirming.Count > 0 ? $", and the {Kinds(confirming)} agrees" : ""));
        }

        var reason = (hasOwnOrders, targets.Count) switch
        {
            _ when consistent =>
                $"the customer the contact's {Kinds(decisive)} {Verb(decisive, "belongs", "belong")} to has another {KeyKinds.Describe(accountTaken!)} already: two accounts are two persons",
            (true, > 0) when decisive.Any(p => p.Key.Kind == KeyKinds.Order) =>
                "two customers on one order: the contact's customer has orders of its own, and the order number also belongs to another customer",
            (true, _) => $"the contact's customer has orders of its own, and the {Kinds(pointing)} also belongs to another customer",
            (_, > 1) => $"the contact's {Kinds(decisive)} {Verb(decisive, "points", "point")} to {targets.Count} different customers",
            (_, 1) => $"the contact's {Kinds(decisive)} {Verb(decisive, "points", "point")} to one customer, its {Kinds(contradicting)} to another",
            _ when pointing.Any(p => p.Others.Count > 1) => "the phone number is shared by several customers (a family's or a shop's)",
            _ => "a phone number alone does not link: families and shops share one",
        };
        var proposals = pointing.SelectMany(p => p.Others).Distinct().Order()
            .Select(other => new ProposedLink(other, [.. pointing.Where(p => p.Others.Contains(other)).Select(p => p.Key.Kind).Distinct()], reason))
            .ToList();
        return LinkDecision.Propose(proposals, reason);
    }

    private static string Kinds(IEnumerable<Pointer> keys) =>
        string.Join(" and ", keys.Select(p => p.Key.Kind).Distinct().Select(KeyKinds.Describe));

    private static string Verb(IEnumerable<Pointer> keys, string one, string several) => keys.Select(p => p.Key.Kind).Distinct().Count() == 1 ? one : several;

    private sealed record Pointer(StrongKey Key, HashSet<Guid> Others);
}
