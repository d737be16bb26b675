using TicketGrains.Grains.Hosting;

namespace TicketGrains.Api.Security;

/// <summary>
/// The "RateLimits" section: requests allowed per window for each tenant and for each caller (token subject or API
/// key). The defaults are far above what one silo serves, so only a configured limit ever throttles.
/// </summary>
public sealed class RateLimitOptions : IValidatableOptions
{
    public const string Section = "RateLimits";

    public int PerTenant { get; set; } = 100_000;

    public int PerCaller { get; set; } = 50_000;

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<string> Problems(string section)
    {
        foreach (var (key, value) in new[] { ("PerTenant", PerTenant), ("PerCaller", PerCaller) })
        {
            if (value < 1)
            {
                yield return $"{section}:{key} must be at least 1, not {value}.";
            }
        }

        if (Window <= TimeSpan.Zero)
        {
            yield return $"{section}:Window must be a positive time span, not {Window}.";
        }
    }
}
