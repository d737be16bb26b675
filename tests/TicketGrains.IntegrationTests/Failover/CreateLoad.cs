using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Failover;

/// <summary>
/// Workers creating tickets as fast as the cluster acknowledges them; every request has its own
/// Idempotency-Key and subject, so duplicates and losses can be traced to the request.
/// </summary>
public sealed class CreateLoad(ApiClient api, int workers)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<Ack> _acks = new();
    private readonly ConcurrentQueue<Failure> _failures = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private Task _running = Task.CompletedTask;
    private int _sequence;

    /// <summary>A create answered 201, at the time the answer arrived.</summary>
    public sealed record Ack(Guid Id, string Subject, TimeSpan At);

    /// <summary>A create answered otherwise (status, Retry-After and body, or the exception), at the time it ended.</summary>
    public sealed record Failure(HttpStatusCode? Status, string? RetryAfter, string Detail, TimeSpan At);

    public TimeSpan Now => _clock.Elapsed;

    public IReadOnlyList<Ack> Acks => [.. _acks];

    public int AckCount => _acks.Count;

    public IReadOnlyList<Failure> Failures => [.. _failures];

    public void Start() => _running = Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkAsync(w))));

    /// <summary>Stops starting new requests and waits for those in flight.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _running;
    }

    private async Task WorkAsync(int worker)
    {
        var customer = $"failover-{_run}-{worker}";
        while (!_stop.IsCancellationRequested)
        {
            var n = Interlocked.Increment(ref _sequence);
            var subject = $"failover {_run} #{n}";
            try
            {
                var response = await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create(subject, customer: customer), $"{_run}-{n}");
                if (response.Status == HttpStatusCode.Created)
                {
                    _acks.Enqueue(new Ack(response.Id, subject, Now));
                }
                else
                {
                    _failures.Enqueue(new Failure(response.Status, response.Header("Retry-After"), response.Text, Now));
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                _failures.Enqueue(new Failure(null, null, $"{e.GetType().Name}: {e.Message}", Now));
            }
        }
    }
}
