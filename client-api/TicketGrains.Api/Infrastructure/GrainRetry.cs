using Orleans.Runtime.Messaging;
using TicketGrains.Abstractions.Errors;

namespace TicketGrains.Api.Infrastructure;

/// <summary>
/// Retries grain calls through transient cluster errors (a silo dying, activations moving), so a
/// silo failure shows up as latency rather than a 500. Only operations that are safe to repeat are
/// retried on every transient error; others only when the call provably never reached a grain.
/// Safe-to-repeat calls are also sent again at once when a gateway connection drops while they are in
/// flight (<see cref="GatewayLoss"/>): their answer may never come, and waiting for the response timeout
/// would stall every request that had a call on the dead silo.
/// </summary>
public static class GrainRetry
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    /// <summary>
    /// A cluster or database failure that a later try may not meet. Orleans wraps some (grain storage, activation) in an
    /// OrleansException, so its inner exceptions count too.
    /// </summary>
    public static bool IsTransient(Exception e) => e is SiloUnavailableException or OrleansMessageRejectionException
        or ConnectionFailedException or GatewayTooBusyException or TimeoutException or StorageUnavailableException
        || e is OrleansException { InnerException: { } inner } && IsTransient(inner);

    /// <summary>The database failure behind an error, when there is one (possibly inside Orleans' wrapping).</summary>
    public static StorageUnavailableException? StorageFailure(Exception e) => e switch
    {
        StorageUnavailableException storage => storage,
        OrleansException { InnerException: { } inner } => StorageFailure(inner),
        _ => null,
    };

    private static bool NeverDelivered(Exception e) => e is OrleansMessageRejectionException or ConnectionFailedException or GatewayTooBusyException;

    /// <summary>For reads and for commands made idempotent by their id (ticket creation).</summary>
    public static Task<T> Idempotent<T>(Func<Task<T>> call, CancellationToken cancellationToken) =>
        Idempotent(call, GatewayLoss.Shared, cancellationToken);

    /// <summary>As above, listening to the given gateway-loss signal.</summary>
    public static Task<T> Idempotent<T>(Func<Task<T>> call, GatewayLoss gatewayLoss, CancellationToken cancellationToken) =>
        RunAsync(call, IsTransient, gatewayLoss, cancellationToken);

    /// <summary>For commands that must not run twice: never sent again while their outcome is unknown.</summary>
    public static Task<T> Once<T>(Func<Task<T>> call, CancellationToken cancellationToken) =>
        RunAsync(call, NeverDelivered, resendOnLoss: null, cancellationToken);

    private static async Task<T> RunAsync<T>(Func<Task<T>> call, Func<Exception, bool> retryable, GatewayLoss? resendOnLoss, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Budget;
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            var lost = resendOnLoss?.Next ?? CancellationToken.None;
            Task<T>? attempt = null;
            try
            {
                attempt = call();
                try
                {
                    return await attempt.WaitAsync(lost);
                }
                catch (OperationCanceledException) when (attempt.IsCompleted && lost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    // The connection dropped just as the attempt ended (Orleans fails the calls still queued on a dropped
                    // connection at that moment): its own answer or failure decides, as if the loss had come later.
                    return await attempt;
                }
            }
            catch (OperationCanceledException) when (attempt is { IsCompleted: false } && lost.IsCancellationRequested
                && DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
            {
                // The abandoned attempt ends on its own (answer or response timeout); observe its failure.
                _ = attempt.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
            catch (Exception e) when (retryable(e) && DateTime.UtcNow + delay < deadline && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
            }
        }
    }
}
