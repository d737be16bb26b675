using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels;

/// <summary>The adapters and pullers registered in DI (each platform folder adds its own), found by channel type.</summary>
public sealed class ChannelAdapters(IEnumerable<IChannelAdapter> adapters, IEnumerable<IMessagePuller> pullers)
{
    private readonly Dictionary<string, IChannelAdapter> _adapters = adapters.ToDictionary(a => a.Type, StringComparer.Ordinal);
    private readonly Dictionary<string, IMessagePuller> _pullers = pullers.ToDictionary(p => p.Type, StringComparer.Ordinal);

    public IChannelAdapter? AdapterFor(string type) => _adapters.GetValueOrDefault(type);

    public IMessagePuller? PullerFor(string type) => _pullers.GetValueOrDefault(type);

    /// <summary>The types messages are pulled for (WeCom); each of their channels gets a periodic catch-up pull.</summary>
    public IReadOnlyCollection<string> PullTypes => _pullers.Keys;

    /// <summary>The settings a channel of the type must have; none when no adapter serves the type yet.</summary>
    public IReadOnlyList<string> RequiredSettings(string type) => AdapterFor(type)?.RequiredSettings ?? [];
}
