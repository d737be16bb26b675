namespace TicketGrains.Grains.Hosting.Joining;

/// <summary>
/// Which silos joined the cluster after this one, and since when: the slow start of new activations on them
/// (ADR 0032). A silo that was already active when this silo became active counts as warm; one that becomes active
/// later gets a share of the placements that grows linearly from 0 to 1 over <c>ramp</c>, measured from the moment
/// this silo saw it active (its own clock, so no clocks across machines are compared).
/// </summary>
public sealed class JoinedSilos(TimeProvider time, TimeSpan ramp)
{
    private readonly Lock _gate = new();
    private readonly HashSet<SiloAddress> _warm = [];
    private readonly Dictionary<SiloAddress, DateTimeOffset> _activeSince = [];
    private bool _localActive;

    public TimeSpan Ramp => ramp;

    /// <summary>Takes one view of the membership: every silo with its status, and which of them is this silo.</summary>
    public void Observe(IEnumerable<(SiloAddress Silo, SiloStatus Status)> members, SiloAddress local)
    {
        var view = members.ToList();
        lock (_gate)
        {
            var active = view.Where(m => m.Status == SiloStatus.Active).Select(m => m.Silo).ToHashSet();
            _warm.IntersectWith(active);
            foreach (var gone in _activeSince.Keys.Where(s => !active.Contains(s)).ToList())
            {
                _activeSince.Remove(gone);
            }

            // Until this silo itself is active, every active silo is one the cluster already ran on.
            var joinedBefore = !_localActive;
            _localActive = active.Contains(local);
            foreach (var silo in active.Where(s => !_warm.Contains(s) && !_activeSince.ContainsKey(s)))
            {
                if (joinedBefore && silo != local)
                {
                    _warm.Add(silo);
                }
                else
                {
                    _activeSince[silo] = time.GetUtcNow();
                }
            }
        }
    }

    /// <summary>
    /// The part of its full share of new activations that a silo may get now: 1 for a warm silo, 0 to 1 during its
    /// ramp, 0 for an active silo this silo has not seen in the membership yet (its view lags the placement's).
    /// </summary>
    public double Share(SiloAddress silo)
    {
        lock (_gate)
        {
            if (ramp <= TimeSpan.Zero || _warm.Contains(silo))
            {
                return 1;
            }

            if (!_activeSince.TryGetValue(silo, out var since))
            {
                return _localActive ? 0 : 1;
            }

            var age = time.GetUtcNow() - since;
            if (age < ramp)
            {
                return Math.Max(0, age / ramp);
            }

            _activeSince.Remove(silo);
            _warm.Add(silo);
            return 1;
        }
    }
}
