using System.Collections.Concurrent;

namespace TicketGrains.Api.Channels.WeChat;

/// <summary>
/// Access tokens of WeChat and WeCom accounts, kept until shortly before they expire: both platforms limit how often a
/// token may be fetched, and a fresh fetch invalidates the previous token on WeChat. One fetch at a time per account.
/// </summary>
public sealed class AccessTokenCache(TimeProvider time)
{
    /// <summary>Renew this long before expiry (or at half the lifetime, if shorter), so a token never expires in flight.</summary>
    public static readonly TimeSpan RenewEarly = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Cached> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _fetching = new(StringComparer.Ordinal);

    /// <summary>The account's token (keyed by <paramref name="account"/>), fetched with <paramref name="fetch"/> when none is fresh.</summary>
    public async Task<string> GetAsync(string account, Func<CancellationToken, Task<IssuedToken>> fetch, CancellationToken cancellationToken)
    {
        if (Fresh(account) is { } token)
        {
            return token;
        }

        var gate = _fetching.GetOrAdd(account, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(account) is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }

            var issued = await fetch(cancellationToken);
            var early = TimeSpan.FromTicks(Math.Min(RenewEarly.Ticks, issued.ExpiresIn.Ticks / 2));
            _tokens[account] = new Cached(issued.Token, time.GetUtcNow() + issued.ExpiresIn - early);
            return issued.Token;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets a token the platform refused, unless another has replaced it already.</summary>
    public void Invalidate(string account, string token)
    {
        if (_tokens.TryGetValue(account, out var cached) && cached.Token == token)
        {
            _tokens.TryRemove(KeyValuePair.Create(account, cached));
        }
    }

    private string? Fresh(string account) =>
        _tokens.TryGetValue(account, out var cached) && time.GetUtcNow() < cached.RenewAt ? cached.Token : null;

    private sealed record Cached(string Token, DateTimeOffset RenewAt);
}
