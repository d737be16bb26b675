using System.Collections.Concurrent;

namespace TicketGrains.Api.Channels.Douyin;

/// <summary>
/// Client tokens per Douyin app, kept until shortly before they expire: Douyin limits how often one may be fetched and
/// fetching a new one retires the one before last, so every send must not fetch its own.
/// </summary>
public sealed class DouyinTokenCache(TimeProvider time)
{
    /// <summary>A token is renewed this long before Douyin says it expires, so a send never carries one that lapses in flight.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Kept> _tokens = new();

    public string? Find(string app) => _tokens.TryGetValue(app, out var kept) && time.GetUtcNow() < kept.RenewAt ? kept.Token : null;

    public void Keep(string app, string token, TimeSpan lifetime)
    {
        // A token shorter-lived than the margin is still used for half its life rather than fetched again on every send.
        var margin = lifetime > RenewBefore * 2 ? RenewBefore : lifetime / 2;
        _tokens[app] = new Kept(token, time.GetUtcNow() + lifetime - margin);
    }

    /// <summary>Drops a token Douyin refused, unless another send has already replaced it.</summary>
    public void Forget(string app, string token)
    {
        if (_tokens.TryGetValue(app, out var kept) && kept.Token == token)
        {
            _tokens.TryRemove(new KeyValuePair<string, Kept>(app, kept));
        }
    }

    private sealed record Kept(string Token, DateTimeOffset RenewAt);
}
