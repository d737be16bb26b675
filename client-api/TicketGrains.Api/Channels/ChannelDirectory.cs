using System.Collections.Concurrent;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Grains.Channels;

namespace TicketGrains.Api.Channels;

/// <summary>
/// The channels the inbound side looks up, kept in memory for <see cref="Fresh"/> (also when not found, so probing unknown
/// addresses costs the database nothing) and dropped at once when this process changes one. Another front end's change
/// is seen within <see cref="Fresh"/>.
/// </summary>
public sealed class ChannelDirectory(ChannelStore store, ChannelSettingsSeal seal, TimeProvider time) : IChannelDirectory
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, (ChannelInfo? Channel, DateTimeOffset At)> _byId = new();
    private readonly ConcurrentDictionary<string, (IReadOnlyList<ChannelInfo> Channels, DateTimeOffset At)> _byType = new(StringComparer.Ordinal);

    public async Task<ChannelInfo?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_byId.TryGetValue(id, out var cached) && now - cached.At < Fresh)
        {
            return cached.Channel;
        }

        var stored = await store.FindAnyTenantAsync(id, cancellationToken);
        var channel = stored is null ? null : Open(stored);
        _byId[id] = (channel, now);
        return channel;
    }

    public async Task<IReadOnlyList<ChannelInfo>> OfTypeAsync(string type, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_byType.TryGetValue(type, out var cached) && now - cached.At < Fresh)
        {
            return cached.Channels;
        }

        var channels = (await store.OfTypeAsync(type, cancellationToken)).Select(Open).ToList();
        _byType[type] = (channels, now);
        return channels;
    }

    /// <summary>Forgets what is cached of a channel this process just created, changed or deleted.</summary>
    public void Changed(Guid id)
    {
        _byId.TryRemove(id, out _);
        _byType.Clear();
    }

    private ChannelInfo Open(StoredChannel stored) => new(stored.Id, stored.Tenant, stored.Type, stored.Name, seal.Open(stored));
}
