using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.Surges;

/// <summary>
/// One page of new tickets through one tenant's detectors, pure: tickets at or below the tenant's high-water key were
/// counted before (a page delivered again) and are skipped; at the end every surge in progress of the tenant sees time
/// pass to the page's last ticket, so a category that went quiet can end its surge.
/// </summary>
public sealed class SurgePage(string tenant, Dictionary<string, SurgeDetectorState> detectors, Checkpoint highWater, SurgeOptions options)
{
    public List<SurgeSignal> Signals { get; } = [];

    /// <summary>Tickets that arrived while their category's surge was in progress, with that surge.</summary>
    public List<(Guid SurgeId, SurgeIncident Incident)> Incidents { get; } = [];

    /// <summary>The category of each detected surge.</summary>
    public Dictionary<Guid, string> Categories { get; } = [];

    public HashSet<string> Changed { get; } = new(StringComparer.Ordinal);

    public Checkpoint HighWater { get; private set; } = highWater;

    public IReadOnlyDictionary<string, SurgeDetectorState> Detectors => detectors;

    public void Apply(IEnumerable<SurgeTicket> tickets)
    {
        DateTimeOffset? latest = null;
        foreach (var ticket in tickets.Where(t => t.Tenant == tenant && t.Key.CompareTo(HighWater) > 0))
        {
            var state = detectors.TryGetValue(ticket.Category, out var known) ? known : detectors[ticket.Category] = new SurgeDetectorState();
            var observed = SurgeDetector.Observe(state, ticket.Incident, SurgeIds.Surge(tenant, ticket.Category, ticket.Key.Position), options);
            Take(ticket.Category, observed.Signals);
            if (observed.DuringSurge is { } surge)
            {
                Incidents.Add((surge, ticket.Incident));
            }

            Changed.Add(ticket.Category);
            HighWater = ticket.Key;
            latest = latest is { } l && l > ticket.Incident.At ? l : ticket.Incident.At;
        }

        if (latest is { } now)
        {
            foreach (var (category, state) in detectors.Where(d => d.Value.Active is not null))
            {
                Take(category, SurgeDetector.Advance(state, now, options));
                Changed.Add(category);
            }
        }
    }

    private void Take(string category, IReadOnlyList<SurgeSignal> signals)
    {
        foreach (var signal in signals)
        {
            Signals.Add(signal);
            Categories[signal.SurgeId] = category;
        }
    }
}
