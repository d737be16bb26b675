using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Tests.Channels.Email;

/// <summary>Tests only: the channels a test configured, in memory (the real directory belongs to the channels core).</summary>
internal sealed class InMemoryChannelDirectory(params ChannelInfo[] channels) : IChannelDirectory
{
    public Task<ChannelInfo?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(channels.FirstOrDefault(channel => channel.Id == id));

    public Task<IReadOnlyList<ChannelInfo>> OfTypeAsync(string type, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChannelInfo>>(channels.Where(channel => channel.Type == type).ToList());
}
