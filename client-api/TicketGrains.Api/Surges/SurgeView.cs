using TicketGrains.Grains.Surges;

namespace TicketGrains.Api.Surges;

/// <summary>A surge as the API shows it; <see cref="IncidentTickets"/> only on the one-surge read.</summary>
public sealed record SurgeView(
    Guid Id, string Category, string State, DateTimeOffset StartedAt, DateTimeOffset DetectedAt, DateTimeOffset? EndedAt,
    int WindowCount, double Expected, double Threshold, int PeakCount, Guid? ProblemTicketId, string? SurgeQueue,
    int Incidents, int Notices, IReadOnlyList<Guid>? IncidentTickets)
{
    public static SurgeView Of(SurgeRecord s, IReadOnlyList<Guid>? incidentTickets = null) =>
        new(s.Id, s.Category, s.State, s.StartedAt, s.DetectedAt, s.EndedAt, s.WindowCount, Math.Round(s.Expected, 3), Math.Round(s.Threshold, 3),
            s.PeakCount, s.ProblemTicketId, s.SurgeQueue, s.Incidents, s.Notices, incidentTickets);
}

/// <summary>The answer of GET /api/v1/surges.</summary>
public sealed record SurgeList(IReadOnlyList<SurgeView> Items);
