namespace TicketGrains.Grains.Customers.Linking;

/// <summary>The linker's decision for one contact; <see cref="Target"/> is set for a link, proposals for a proposal.</summary>
public sealed record LinkDecision(LinkOutcome Outcome, Guid? Target, IReadOnlyList<ProposedLink> Proposals, string Reason)
{
    public static LinkDecision Same(string reason) => new(LinkOutcome.Same, null, [], reason);

    public static LinkDecision LinkTo(Guid target, string reason) => new(LinkOutcome.Link, target, [], reason);

    public static LinkDecision Propose(IReadOnlyList<ProposedLink> proposals, string reason) => new(LinkOutcome.Propose, null, proposals, reason);
}
