namespace TicketGrains.Grains.Customers.Linking;

/// <summary>Link proposals in memory, for unit tests and the linking benchmark.</summary>
public sealed class InMemoryLinkProposals : ILinkProposals
{
    private readonly Lock _gate = new();
    private readonly List<(string Tenant, StoredLinkProposal Proposal)> _proposals = [];
    private readonly HashSet<(string Tenant, Guid Low, Guid High)> _pairs = [];

    public Task AddAsync(string tenant, Guid customer, ProposedLink proposal, DateTimeOffset at)
    {
        lock (_gate)
        {
            var (low, high) = customer.CompareTo(proposal.OtherCustomerId) < 0 ? (customer, proposal.OtherCustomerId) : (proposal.OtherCustomerId, customer);
            if (_pairs.Add((tenant, low, high)))
            {
                _proposals.Add((tenant, new StoredLinkProposal(Guid.CreateVersion7(at), customer, proposal.OtherCustomerId, proposal.KeyKinds, proposal.Reason, at)));
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredLinkProposal>> OfAsync(string tenant, IReadOnlyCollection<Guid> customers)
    {
        var wanted = customers.ToHashSet();
        lock (_gate)
        {
            IReadOnlyList<StoredLinkProposal> found = [.. _proposals
                .Where(p => p.Tenant == tenant && (wanted.Contains(p.Proposal.CustomerId) || wanted.Contains(p.Proposal.OtherCustomerId)))
                .Select(p => p.Proposal)];
            return Task.FromResult(found);
        }
    }
}
