using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// Carries "events were committed" between silos through PostgreSQL's LISTEN/NOTIFY: a subscriber runs on one silo,
/// the tickets whose events it follows on every silo. After a local commit it sends one NOTIFY (its own statement, not
/// part of the commit, so writers never queue on the notification lock), at most one per
/// <see cref="PipelineOptions.NotifyInterval"/>, and only while another silo is a member (<see cref="NotifyAudience"/>):
/// a lone silo's commits wake its pumps directly, and a notification would cost it a transaction and a second wake-up
/// of every pump. The payload names the sender, so a silo does not wake its pumps again on its own notification; every
/// other notification heard wakes them. Notifications may be lost (a dropped connection, a silo joining between two
/// views of the membership): the pumps' polling still finds the events.
/// </summary>
internal sealed class CommitNotifier(
    NpgsqlDataSource database,
    PipelineWakeup wakeup,
    IClusterMembershipService membership,
    ILocalSiloDetails local,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<CommitNotifier> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public const string ChannelName = "tg_events_committed";

    private readonly Channel<bool> _pending = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stopping = new();
    private Task _loops = Task.CompletedTask;

    private string? _self;

    /// <summary>The payload of this silo's notifications: its address, unique in the cluster's history; formatted once
    /// (both loops may do so at the same moment, to the same text).</summary>
    private string Self => _self ??= local.SiloAddress.ToParsableString();

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(CommitNotifier), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    private Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.NotifyInterval > TimeSpan.Zero)
        {
            wakeup.OnCommittedHere(() => _pending.Writer.TryWrite(true));
            _loops = Task.WhenAll(
                Task.Run(() => SendAsync(_stopping.Token), CancellationToken.None),
                Task.Run(() => ListenAsync(_stopping.Token), CancellationToken.None));
        }

        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loops.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task SendAsync(CancellationToken stopping)
    {
        while (await _pending.Reader.WaitToReadAsync(stopping).ConfigureAwait(false))
        {
            _pending.Reader.TryRead(out _);
            if (!NotifyAudience.OthersListening(membership.CurrentSnapshot.Members.Values.Select(m => (m.SiloAddress, m.Status)), local.SiloAddress))
            {
                continue;
            }

            try
            {
                await using var notify = database.CreateCommand("SELECT pg_notify($1, $2)");
                notify.Parameters.Add(new NpgsqlParameter { Value = ChannelName });
                notify.Parameters.Add(new NpgsqlParameter { Value = Self });
                await notify.ExecuteNonQueryAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                logger.LogDebug(e, "Could not notify other silos of a commit; their pumps will poll");
            }

            await Task.Delay(options.Value.NotifyInterval, time, stopping).ConfigureAwait(false);
        }
    }

    private async Task ListenAsync(CancellationToken stopping)
    {
        var retry = TimeSpan.FromSeconds(1);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenConnectionAsync(stopping).ConfigureAwait(false);
                connection.Notification += (_, heard) =>
                {
                    if (!NotifyAudience.IsEcho(heard.Payload, Self))
                    {
                        wakeup.WakeAll();
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stopping).ConfigureAwait(false);
                }

                retry = TimeSpan.FromSeconds(1);
                while (true)
                {
                    await connection.WaitAsync(stopping).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                logger.LogWarning(e, "Lost the commit notifications; listening again in {Delay}", retry);
                await Task.Delay(retry, time, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }
}
