using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Abstractions.Grains;

/// <summary>
/// The cluster's one list of tenants someone is listening to on GET /api/v1/events (key <see cref="Key"/>), so the live
/// feed does no work for tenants nobody watches. Front ends report their tenants under a lease they renew; the list
/// lives in memory only.
/// </summary>
[Alias("TicketGrains.ILiveFeedAudienceGrain")]
public interface ILiveFeedAudienceGrain : IGrainWithStringKey
{
    public const string Key = "all";

    /// <summary>
    /// Replaces what <paramref name="frontEnd"/> reported before with <paramref name="tenants"/>, for one lease; returns
    /// the lease, which the front end renews every third of.
    /// </summary>
    [Alias("Report")]
    Task<TimeSpan> ReportAsync(string frontEnd, IReadOnlyList<string> tenants);

    /// <summary>The tenants with a listener now.</summary>
    [Alias("Get")]
    Task<LiveFeedAudience> GetAsync();
}
