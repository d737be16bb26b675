using System.Collections.Concurrent;
using System.Net;
using TicketGrains.Grains.EventLog;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Failover;

/// <summary>
/// Two API front ends before one silo; the first is killed (kill -9) while clients create tickets through it. Clients
/// do what the API asks of them: a create that got no answer is sent again, with the same Idempotency-Key, to the
/// other front end.
/// </summary>
public sealed class FrontEndFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Workers = 8;
    private const int AcksBeforeKill = 100;
    private const int AcksAfterKill = 100;

    private static readonly TimeSpan LoadDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly ProcessGroup _processes = new();
    private readonly ConcurrentDictionary<string, (Guid Id, string Subject, bool AfterKill)> _acks = new();
    private readonly ConcurrentBag<string> _sentAgain = [];
    private volatile bool _killed;
    private TestDatabase? _database;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    [Fact]
    public Task Killing_a_front_end_under_load_loses_no_acknowledged_ticket_when_clients_retry_elsewhere() => _processes.DiagnoseAsync(output, async () =>
    {
        var clusterId = NodeLauncher.NewClusterId();
        var silo = _processes.Add(NodeLauncher.StartSilo("silo", Database, clusterId, hostApi: false));
        await Readiness.WaitForHealthAsync(silo, Readiness.Deadline);
        var (victim, other) = (_processes.Add(NodeLauncher.StartApi("api-1", Database, clusterId)), _processes.Add(NodeLauncher.StartApi("api-2", Database, clusterId)));
        await Readiness.WaitForApiAsync(victim, Readiness.Deadline);
        await Readiness.WaitForApiAsync(other, Readiness.Deadline);
        var tenant = TicketRequests.NewTenant();
        using var first = new HttpClient { BaseAddress = victim.BaseAddress, Timeout = RequestTimeout };
        using var second = new HttpClient { BaseAddress = other.BaseAddress, Timeout = RequestTimeout };
        var (primary, fallback) = (new ApiClient(first, tenant), new ApiClient(second, tenant));

        using var stop = new CancellationTokenSource();
        var run = Guid.NewGuid().ToString("N")[..8];
        var load = Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(() => WorkAsync(primary, fallback, $"{run}-{w}", stop.Token))));
        await Poll.UntilAsync($"{AcksBeforeKill} creates acknowledged through {victim.Name}", LoadDeadline, () => Task.FromResult(_acks.Count >= AcksBeforeKill));
        victim.Process.Kill();
        _killed = true;
        await Poll.UntilAsync($"{AcksAfterKill} creates acknowledged after the kill", LoadDeadline,
            () => Task.FromResult(_acks.Values.Count(a => a.AfterKill) >= AcksAfterKill));
        await stop.CancelAsync();
        await load;

        var created = await Database.PairsAsync<string, long>(
            "SELECT stream_id, count(*) FROM tg_events WHERE tenant_id = $1 AND event_type = 'TicketCreated' GROUP BY stream_id", tenant);
        output.WriteLine($"acknowledged {_acks.Count} creates ({_acks.Values.Count(a => !a.AfterKill)} before the kill), " +
            $"{_sentAgain.Count} sent again to {other.Name}; {created.Values.Sum()} TicketCreated rows");

        Assert.NotEmpty(_sentAgain);
        Assert.All(_acks.Values, a => Assert.Equal(1, created.GetValueOrDefault(StreamIds.Ticket(a.Id))));
        Assert.Equal(_acks.Count, created.Count);
        Assert.Equal(_acks.Count, created.Values.Sum());
        Assert.Equal(_acks.Count, _acks.Values.Select(a => a.Id).Distinct().Count());
        foreach (var key in _sentAgain)
        {
            var ticket = (await fallback.GetAsync(TicketRequests.Ticket(_acks[key].Id))).Expect(HttpStatusCode.OK);
            Assert.Equal(_acks[key].Subject, ticket.String("subject"));
        }
    });

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        _processes.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>
    /// Creates tickets one after another through the primary front end; a create without an answer (connection
    /// refused or reset, or a 503) is sent again, same key, to the fallback, which the worker uses from then on.
    /// </summary>
    private async Task WorkAsync(ApiClient primary, ApiClient fallback, string worker, CancellationToken stop)
    {
        var api = primary;
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var (key, subject) = ($"{worker}-{n}", $"front-end failover {worker} #{n}");
            var body = TicketRequests.Create(subject, customer: $"fe-{worker}");
            var giveUp = DateTime.UtcNow + RequestTimeout;
            while (true)
            {
                Assert.True(DateTime.UtcNow < giveUp, $"Create {key} was not acknowledged within {RequestTimeout.TotalSeconds:0} s.");
                try
                {
                    var response = await api.PostAsync(TicketRequests.Tickets, body, key);
                    if (response.Status == HttpStatusCode.Created)
                    {
                        _acks[key] = (response.Id, subject, _killed);
                        break;
                    }

                    Assert.Equal(HttpStatusCode.ServiceUnavailable, response.Status);
                }
                catch (HttpRequestException) when (api == primary)
                {
                    _sentAgain.Add(key);
                    api = fallback;
                }
            }
        }
    }
}
