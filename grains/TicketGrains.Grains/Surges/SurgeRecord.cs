namespace TicketGrains.Grains.Surges;

/// <summary>One surge as stored in tg_surges, with how many incidents and notices it has.</summary>
public sealed record SurgeRecord(
    Guid Id, string Category, string State, DateTimeOffset StartedAt, DateTimeOffset DetectedAt, DateTimeOffset? EndedAt,
    int WindowCount, double Expected, double Threshold, int PeakCount, Guid? ProblemTicketId, string? SurgeQueue,
    bool Announced, bool EndAnnounced, int Incidents, int Notices)
{
    public const string Active = "active";
    public const string Ended = "ended";
}

/// <summary>A ticket of a surge whose reactions have not reached it yet.</summary>
public sealed record PendingIncident(Guid TicketId, Guid CustomerId, bool HasOrder);
