using System.Collections.Concurrent;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Api.Channels.Outbound;

namespace TicketGrains.Tests.Channels.Email;

/// <summary>The bounces the listener's host asked to record, in the order it asked.</summary>
internal sealed class RecordingReplyBounces : IReplyBounces
{
    private readonly ConcurrentQueue<ReplyBounce> recorded = new();

    public IReadOnlyList<ReplyBounce> Recorded => [.. recorded];

    public Task RecordAsync(ReplyBounce bounce)
    {
        recorded.Enqueue(bounce);
        return Task.CompletedTask;
    }
}
