namespace TicketGrains.Grains.Surges;

/// <summary>
/// A surge began (<see cref="Detected"/>: its first incidents are the window's tickets that made it) or ended.
/// <see cref="StartedAt"/> is the oldest ticket of the onset window, <see cref="At"/> when the detector decided.
/// </summary>
public sealed record SurgeSignal(
    Guid SurgeId,
    bool Detected,
    DateTimeOffset StartedAt,
    DateTimeOffset At,
    int WindowCount,
    double Expected,
    double Threshold,
    int PeakCount,
    IReadOnlyList<SurgeIncident> Incidents);

/// <summary>What one ticket did: any surge that began or ended, and whether the ticket belongs to a surge in progress.</summary>
public sealed record SurgeObservation(IReadOnlyList<SurgeSignal> Signals, Guid? DuringSurge);
