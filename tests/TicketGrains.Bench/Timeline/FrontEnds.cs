using System.Net;
using System.Net.Http.Headers;

namespace TicketGrains.Bench.Timeline;

/// <summary>
/// The API front ends a run spreads its requests over, round robin, as a load balancer would (one connection pool each).
/// A front end that is down fails its share of requests: the run counts those, it does not hide them.
/// </summary>
public sealed class FrontEnds : IDisposable
{
    private readonly HttpClient[] _clients;
    private long _next;

    public FrontEnds(IEnumerable<Uri> urls, string token, int maxConnectionsEach)
    {
        _clients = [.. urls.Select(url => Client(url, token, maxConnectionsEach))];
        if (_clients.Length == 0)
        {
            throw new ArgumentException("At least one front-end URL is needed.");
        }
    }

    public HttpClient Next() => _clients[(int)((ulong)Interlocked.Increment(ref _next) % (ulong)_clients.Length)];

    public static IReadOnlyList<Uri> ParseUrls(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => new Uri(u.EndsWith('/') ? u : u + "/"))];

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }

    private static HttpClient Client(Uri url, string token, int maxConnections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            // A dead front end's connections are dropped at once, not after the pool's idle time.
            ConnectTimeout = TimeSpan.FromSeconds(2),
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        var client = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
