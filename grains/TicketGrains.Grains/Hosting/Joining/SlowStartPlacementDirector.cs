using Orleans.Runtime.Placement;

namespace TicketGrains.Grains.Hosting.Joining;

/// <summary>
/// Wraps a placement director (resource-optimized or random) so that a silo still in its slow start is offered as a
/// candidate only with the probability of its current share: the wrapped strategy decides among the candidates, so a
/// joining silo gets at most that part of what the strategy alone would give it (ADR 0032).
/// </summary>
public sealed class SlowStartPlacementDirector(IPlacementDirector inner, JoinedSilos joined, Func<double> draw) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context) =>
        inner.OnAddActivation(strategy, target, new RampedContext(context, joined, draw));

    private sealed class RampedContext(IPlacementContext context, JoinedSilos joined, Func<double> draw) : IPlacementContext
    {
        public SiloAddress LocalSilo => context.LocalSilo;

        public SiloStatus LocalSiloStatus => context.LocalSiloStatus;

        public SiloAddress[] GetCompatibleSilos(PlacementTarget target) => Candidates(context.GetCompatibleSilos(target), joined, draw);

        public IReadOnlyDictionary<ushort, SiloAddress[]> GetCompatibleSilosWithVersions(PlacementTarget target) =>
            context.GetCompatibleSilosWithVersions(target).ToDictionary(v => v.Key, v => Candidates(v.Value, joined, draw));
    }

    /// <summary>Each silo in its ramp stays a candidate with the probability of its share; when none is left, all are.</summary>
    public static SiloAddress[] Candidates(SiloAddress[] compatible, JoinedSilos joined, Func<double> draw)
    {
        var candidates = compatible.Where(silo => joined.Share(silo) is var share && (share >= 1 || draw() < share)).ToArray();
        return candidates.Length == 0 ? compatible : candidates;
    }
}
