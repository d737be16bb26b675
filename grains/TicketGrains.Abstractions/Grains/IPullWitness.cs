using Orleans.Concurrency;

namespace TicketGrains.Abstractions.Grains;

/// <summary>
/// The front end's ear on a pull in progress: the agent grain names the ticket it is about to claim, so the pull's
/// audit entry can be written while the claim commits instead of after it (two durable commits at once, not in a row).
/// One-way: the pull never waits for the front end, and a lost note only means the entry is written after the call.
/// </summary>
public interface IPullWitness : IGrainObserver
{
    [OneWay]
    [Alias("Claiming")]
    Task ClaimingAsync(Guid pullId, Guid ticketId);
}

/// <summary>Who to tell, and which pull of theirs this is.</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.PullWitnessing")]
public sealed record class PullWitnessing([property: Id(0)] IPullWitness Witness, [property: Id(1)] Guid PullId);
