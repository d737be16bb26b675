using TicketGrains.Grains.Hosting;

namespace TicketGrains.Grains.Live;

/// <summary>The "LiveFeedAudience" section: how long a front end's report of its listeners holds.</summary>
public sealed class LiveFeedAudienceOptions : IValidatableOptions
{
    public const string Section = "LiveFeedAudience";

    /// <summary>
    /// A front end's report holds this long and is renewed every third of it. It is also how long a fresh audience
    /// (after its silo was lost) publishes for every tenant, and how long a dead front end's listeners are still served.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<string> Problems(string section)
    {
        if (Lease < TimeSpan.FromMilliseconds(300) || Lease > TimeSpan.FromMinutes(10))
        {
            yield return $"{section}:Lease must be between 00:00:00.300 and 00:10:00, not {Lease}.";
        }
    }
}
