using Microsoft.AspNetCore.Authentication;
using TicketGrains.Api.Security;

namespace TicketGrains.Api.Live;

/// <summary>
/// Ends a stream when the credential that opened it stops being valid: a bearer token at its expiry, an API key when
/// it is revoked (looked up every <see cref="LiveFeedOptions.ApiKeyCheckPeriod"/>; a failed lookup ends the stream
/// too, since the key can then not be vouched for). Ordinary requests are short and checked once, at their start.
/// </summary>
internal sealed class CredentialLifetime : IAsyncDisposable
{
    private readonly CancellationTokenSource _ended;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watch;

    private CredentialLifetime(HttpContext context, ApiKeyStore keys, LiveFeedOptions options, TimeProvider time)
    {
        var subject = context.User.Identity?.Name ?? "";
        if (context.User.Identity?.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName)
        {
            _ended = new CancellationTokenSource();
            _watch = WatchKeyAsync(subject[ApiKeyAuthenticationHandler.SubjectPrefix.Length..], keys, options.ApiKeyCheckPeriod, time);
            return;
        }

        _watch = Task.CompletedTask;
        var expires = context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties?.ExpiresUtc;
        Reason = expires is null ? null : "tokenExpired";
        _ended = expires is null ? new CancellationTokenSource() : new CancellationTokenSource(Max(expires.Value - time.GetUtcNow(), TimeSpan.Zero), time);
    }

    /// <summary>Cancelled when the credential is no longer valid.</summary>
    public CancellationToken Ended => _ended.Token;

    /// <summary>Why <see cref="Ended"/> fired, for the client: "tokenExpired", "apiKeyRevoked" or "apiKeyUnchecked".</summary>
    public string? Reason { get; private set; }

    public static CredentialLifetime Watch(HttpContext context, ApiKeyStore keys, LiveFeedOptions options, TimeProvider time) =>
        new(context, keys, options, time);

    private async Task WatchKeyAsync(string keyId, ApiKeyStore keys, TimeSpan period, TimeProvider time)
    {
        using var timer = new PeriodicTimer(period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var key = await keys.FindAsync(keyId, _stop.Token);
                if (key is null || key.RevokedAt is not null)
                {
                    End("apiKeyRevoked");
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The stream ended first.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            End("apiKeyUnchecked");
        }
    }

    private void End(string reason)
    {
        Reason = reason;
        _ended.Cancel();
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watch;
        _stop.Dispose();
        _ended.Dispose();
    }
}
