using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace TicketGrains.Api.Channels.Web;

/// <summary>
/// A fixed window of <see cref="WebChannelOptions.RequestsPerAddress"/> requests per client address and web channel.
/// The address is the connection's: behind a proxy every visitor shares the proxy's, so the limit is then per proxy.
/// </summary>
public sealed class WebRequestLimiter(IOptions<WebChannelOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.RequestsPerAddress,
            Window = options.Value.Window,
            QueueLimit = 0,
        }));

    /// <summary>Whether the request may go on; when not, how long until the window opens again.</summary>
    public bool TryAcquire(Guid channel, IPAddress? address, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire($"{channel:D}/{address}");
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Value.Window;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
