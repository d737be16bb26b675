using Microsoft.Extensions.Options;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;

namespace TicketGrains.Grains.Live;

/// <summary>Holds the live feed's audience (<see cref="AudienceLeases"/>) for the whole cluster.</summary>
internal sealed class LiveFeedAudienceGrain(TimeProvider time, IOptions<LiveFeedAudienceOptions> options) : Grain, ILiveFeedAudienceGrain
{
    private readonly TimeSpan _lease = options.Value.Lease;
    private readonly AudienceLeases _leases = new(time, options.Value.Lease);

    public Task<TimeSpan> ReportAsync(string frontEnd, IReadOnlyList<string> tenants)
    {
        _leases.Report(frontEnd, tenants);
        // Deactivating would forget the reports and make the feed publish for everyone for a lease.
        DelayDeactivation(_lease * 2);
        return Task.FromResult(_lease);
    }

    public Task<LiveFeedAudience> GetAsync() => Task.FromResult(new LiveFeedAudience(_leases.MayBeIncomplete, _leases.Tenants()));
}
