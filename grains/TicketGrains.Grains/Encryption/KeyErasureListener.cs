using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace TicketGrains.Grains.Encryption;

/// <summary>
/// Makes every process forget an erased customer's key at once: the erasure sends a PostgreSQL notification on
/// <see cref="Channel"/>, and this listener evicts the key from the process's cache. A notification missed while
/// reconnecting is covered by the cache's expiry (<see cref="EncryptionOptions.KeyCacheTtl"/>).
/// </summary>
public sealed class KeyErasureListener(IServiceProvider services, IOptions<EncryptionOptions> options, ILogger<KeyErasureListener> logger)
    : BackgroundService
{
    public const string Channel = "tg_key_erased";
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        // Resolved only now: with encryption off there is no master key, and in-memory test hosts have no database.
        var keyRing = services.GetRequiredService<KeyRing>();
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Forget(keyRing, e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
            {
                logger.LogWarning("Key erasure listener lost PostgreSQL ({Message}); reconnecting", e.Message);
                await Task.Delay(ReconnectDelay, stoppingToken);
            }
        }
    }

    /// <summary>The payload of an erasure notification: tenant and customer id on two lines.</summary>
    public static string Payload(string tenant, Guid customer) => $"{tenant}\n{customer:D}";

    private static void Forget(KeyRing keyRing, string payload)
    {
        var parts = payload.Split('\n');
        if (parts.Length == 2 && Guid.TryParse(parts[1], out var customer))
        {
            keyRing.Forget(parts[0], customer);
        }
    }
}
