namespace TicketGrains.Grains.Customers.Linking;

/// <summary>Links the linker proposed instead of making (tg_link_proposals); one per pair of customers.</summary>
public interface ILinkProposals
{
    /// <summary>Records the proposal unless the pair has one already.</summary>
    Task AddAsync(string tenant, Guid customer, ProposedLink proposal, DateTimeOffset at);

    /// <summary>The proposals naming any of the customers, oldest first.</summary>
    Task<IReadOnlyList<StoredLinkProposal>> OfAsync(string tenant, IReadOnlyCollection<Guid> customers);
}
