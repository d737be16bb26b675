using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Customers;

/// <summary>
/// A survivor's view: its own, with the identities, open tickets and merges of every customer merged into it, and the
/// first phone and e-mail address known in the group (the survivor's own first).
/// </summary>
public static class CustomerViews
{
    public static CustomerView Gather(CustomerView survivor, IReadOnlyList<CustomerView> members) => survivor with
    {
        Identities = [.. survivor.Identities.Concat(members.SelectMany(m => m.Identities)).Distinct()],
        OpenTickets = [.. survivor.OpenTickets.Concat(members.SelectMany(m => m.OpenTickets)).Distinct()],
        Phone = survivor.Phone ?? members.Select(m => m.Phone).FirstOrDefault(p => p is not null),
        Email = survivor.Email ?? members.Select(m => m.Email).FirstOrDefault(e => e is not null),
        MergedCustomers = [.. members.Select(m => m.Id)],
        Merges = [.. survivor.Merges.Concat(members.SelectMany(m => m.Merges)).OrderBy(m => m.At).ThenBy(m => m.MergeId)],
    };
}
