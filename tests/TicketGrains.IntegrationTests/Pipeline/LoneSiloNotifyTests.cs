using System.Collections.Concurrent;
using System.Net;
using Npgsql;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Pipeline;

/// <summary>
/// Commit notifications are for other silos only (ADR 0037): a lone silo commits without a NOTIFY, and notifies once
/// another silo is a member. PostgreSQL delivers notifications in the order their transactions committed, so a marker
/// the test sends after the lone silo's commits were acknowledged arrives after any notification those commits caused.
/// </summary>
public sealed class LoneSiloNotifyTests(ITestOutputHelper output) : ClusterProcessTest
{
    /// <summary>The channel CommitNotifier uses (internal to the grains).</summary>
    private const string Channel = "tg_events_committed";

    private const string Marker = "test-marker";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public Task A_lone_silo_sends_no_commit_notification_and_notifies_once_another_silo_joins() => Processes.DiagnoseAsync(output, async () =>
    {
        await using var heard = await HeardNotifications.ListenAsync(Database.ConnectionString);
        var clusterId = NodeLauncher.NewClusterId();
        var lone = Processes.Add(NodeLauncher.StartSilo("silo-1", Database, clusterId, hostApi: true));
        await Readiness.WaitForApiAsync(lone, Readiness.Deadline);
        using var http = new HttpClient { BaseAddress = lone.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var api = new ApiClient(http, TicketRequests.NewTenant());

        for (var i = 0; i < 3; i++)
        {
            (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create($"alone {i}"))).Expect(HttpStatusCode.Created);
        }

        await heard.SendAsync(Marker);
        await Poll.UntilAsync("the test's own marker to come back", Deadline, () => Task.FromResult(heard.Payloads.Contains(Marker)));
        Assert.Equal([Marker], heard.Payloads);

        Processes.Add(NodeLauncher.StartSilo("silo-2", Database, clusterId, hostApi: false));
        await Poll.UntilAsync("two active members", Readiness.Deadline,
            async () => await OrleansTables.CountSilosAsync(Database, clusterId, OrleansTables.Active) == 2);
        var n = 0;
        await Poll.UntilAsync("a commit notification once another silo is a member", Deadline, async () =>
        {
            (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create($"with a peer {n++}"))).Expect(HttpStatusCode.Created);
            return heard.Payloads.Any(p => p != Marker);
        });

        // The payload names the sender, so that the sender can tell its own echo apart.
        Assert.All(heard.Payloads.Where(p => p != Marker), p => Assert.False(string.IsNullOrWhiteSpace(p)));
    });

    /// <summary>A connection listening on the commit channel, recording every payload in the order heard.</summary>
    private sealed class HeardNotifications : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly ConcurrentQueue<string> _payloads = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly string _connectionString;
        private Task _waiting = Task.CompletedTask;

        private HeardNotifications(string connectionString)
        {
            _connectionString = connectionString;
            _connection = new NpgsqlConnection(connectionString);
            _connection.Notification += (_, e) => _payloads.Enqueue(e.Payload);
        }

        public List<string> Payloads => [.. _payloads];

        public static async Task<HeardNotifications> ListenAsync(string connectionString)
        {
            var heard = new HeardNotifications(connectionString);
            await heard._connection.OpenAsync();
            await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", heard._connection))
            {
                await listen.ExecuteNonQueryAsync();
            }

            heard._waiting = heard.WaitLoopAsync();
            return heard;
        }

        public async Task SendAsync(string payload)
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            await using var notify = new NpgsqlCommand("SELECT pg_notify($1, $2)", connection);
            notify.Parameters.Add(new NpgsqlParameter { Value = Channel });
            notify.Parameters.Add(new NpgsqlParameter { Value = payload });
            await notify.ExecuteNonQueryAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _waiting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await _connection.DisposeAsync();
            _stop.Dispose();
        }

        private async Task WaitLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                await _connection.WaitAsync(_stop.Token);
            }
        }
    }
}
