namespace TicketGrains.Grains.Channels;

/// <summary>The threading rule of a channel, as the pipeline applies it.</summary>
public interface IThreadingRules
{
    /// <summary>The channel's rule; <see cref="ThreadingRule.Default"/> for a channel without one (or deleted).</summary>
    Task<ThreadingRule> ForChannelAsync(string tenant, Guid channelId);
}
