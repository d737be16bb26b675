using System.Net;
using System.Net.Http.Headers;

namespace TicketGrains.Bench.Timeline;

/// <summary>
/// The API front ends a run spreads its requests over, round robin, as a load balancer would (one connection pool each).
/// A front end that is down fails its share of requests: the run counts those, it does not hide them.
/// </summary>
public sealed class FrontEnds : IDisposable
{
    /// <summary>How long a front end that refused a connection is left out.</summary>
    private const long LeftOutMs = 5000;
    private readonly HttpClient[] _clients;
    private readonly long[] _downUntil;
    private long _next;

    public FrontEnds(IEnumerable<Uri> urls, string token, int maxConnectionsEach)
    {
        _clients = [.. urls.Select(url => Client(url, token, maxConnectionsEach))];
        _downUntil = new long[_clients.Length];
        if (_clients.Length == 0)
        {
            throw new ArgumentException("At least one front-end URL is needed.");
        }
    }

    public HttpClient Next() => _clients[NextIndex()];

    /// <summary>
    /// Sends on the next front end that is up, as a load balancer does: a front end that refuses the connection is left
    /// out for a few seconds and the request goes to the next one (nothing reached the refusing one, so this is safe for
    /// any request). A request already sent to a front end that then dies fails: that is counted, not retried.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var index = NextIndex();
            try
            {
                using var message = request();
                return await _clients[index].SendAsync(message, cancellationToken);
            }
            catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError && attempt < _clients.Length)
            {
                Volatile.Write(ref _downUntil[index], Environment.TickCount64 + LeftOutMs);
            }
        }
    }

    private int NextIndex()
    {
        var now = Environment.TickCount64;
        for (var tries = 0; ; tries++)
        {
            var index = (int)((ulong)Interlocked.Increment(ref _next) % (ulong)_clients.Length);
            if (tries >= _clients.Length || Volatile.Read(ref _downUntil[index]) <= now)
            {
                return index;
            }
        }
    }

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
