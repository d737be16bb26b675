using System.Globalization;
using TicketGrains.Grains.Hosting;

namespace TicketGrains.Api.Channels.Web;

/// <summary>
/// The web channel (section "Channels:Web"): how many requests one client address may make to one web channel's
/// routes per window. The routes are public (anyone may get a visitor token), so this is what keeps one address from
/// flooding a channel.
/// </summary>
public sealed class WebChannelOptions : IValidatableOptions
{
    public const string Section = "Channels:Web";

    /// <summary>Requests per <see cref="Window"/> from one address to one channel (a widget polls every 3 s: 20 a minute).</summary>
    public int RequestsPerAddress { get; set; } = 120;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<string> Problems(string section)
    {
        if (RequestsPerAddress is < 1 or > 1_000_000)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{section}:RequestsPerAddress must be between 1 and 1000000, not {RequestsPerAddress}.");
        }

        if (Window < TimeSpan.FromSeconds(1) || Window > TimeSpan.FromHours(1))
        {
            yield return $"{section}:Window must be between 00:00:01 and 01:00:00, not {Window}.";
        }
    }
}
