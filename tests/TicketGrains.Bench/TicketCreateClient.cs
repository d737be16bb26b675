using System.Globalization;
using System.Net;
using System.Text.Json;

namespace TicketGrains.Bench;

/// <summary>
/// Sends POST /api/v1/tickets over one pooled HttpClient. Kept lean (prebuilt bodies, no per-request
/// LINQ or JSON) because the load generator shares the machine's two cores with the server.
/// </summary>
public sealed class TicketCreateClient : IDisposable
{
    public const string Tenant = "bench-http";
    private const int IdempotentOneIn = 10;
    private static readonly Uri CreatePath = new("api/v1/tickets", UriKind.Relative);
    private readonly HttpClient _http;
    private readonly TicketBodies _bodies;

    public TicketCreateClient(Uri baseUrl, string token, int maxConnections, TicketBodies bodies)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        _http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        // The tenant is the token's (it must be Tenant's): the API takes it from the credential only.
        _http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        _bodies = bodies;
    }

    /// <summary>
    /// Creates one ticket; on 201 records the latency since <paramref name="measuredFrom"/> (the send time in
    /// closed loop, the scheduled time in open loop) and returns true, otherwise logs the failure.
    /// </summary>
    public async Task<bool> CreateAsync(long measuredFrom, LatencyHistogram latency, ErrorLog errors)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, CreatePath) { Content = _bodies.Next() };
        if (Random.Shared.Next(IdempotentOneIn) == 0)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", "bench-" + Guid.NewGuid().ToString("N"));
        }

        try
        {
            using var response = await _http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                latency.RecordSince(measuredFrom);
                return true;
            }

            errors.Add(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), await response.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            errors.Add(e.GetType().Name, e.Message);
        }

        return false;
    }

    /// <summary>One request whose answer is checked in full (201, an id, status "new"), so a wrong server fails loudly.</summary>
    public async Task<string?> ProbeAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, CreatePath) { Content = _bodies.Next() };
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return $"expected 201, got {(int)response.StatusCode}: {body}";
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var hasId = root.TryGetProperty("id", out var id) && Guid.TryParse(id.GetString(), out _);
        var isNew = root.TryGetProperty("status", out var status) && status.GetString() == "new";
        return hasId && isNew ? null : $"201 without an id and status \"new\": {body}";
    }

    public void Dispose() => _http.Dispose();
}
