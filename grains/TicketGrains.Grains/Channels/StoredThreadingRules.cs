using System.Collections.Concurrent;

namespace TicketGrains.Grains.Channels;

/// <summary>Channels' threading rules from tg_channels, each read at most every <see cref="Freshness"/>.</summary>
public sealed class StoredThreadingRules(ChannelStore channels, TimeProvider time) : IThreadingRules
{
    /// <summary>A changed threading rule applies to the messages decided this long after the change at the latest.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<(string Tenant, Guid Channel), (ThreadingRule Rule, DateTimeOffset At)> _rules = new();

    public async Task<ThreadingRule> ForChannelAsync(string tenant, Guid channelId)
    {
        var now = time.GetUtcNow();
        if (_rules.TryGetValue((tenant, channelId), out var cached) && now - cached.At < Freshness)
        {
            return cached.Rule;
        }

        var stored = await channels.FindAsync(tenant, channelId, CancellationToken.None);
        var rule = ThreadingRuleReader.Stored(stored?.ThreadingJson);
        _rules[(tenant, channelId)] = (rule, now);
        return rule;
    }
}
