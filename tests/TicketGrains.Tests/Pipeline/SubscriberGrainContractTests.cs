using System.Reflection;
using Orleans.Concurrency;
using TicketGrains.Grains.Pipeline;
using Xunit;

namespace TicketGrains.Tests.Pipeline;

public sealed class SubscriberGrainContractTests
{
    /// <summary>
    /// The keeper's call must not queue behind a page: a field-proposals page reading a voice note held it for up to a
    /// minute, and every keeper call meanwhile timed out after 10 s and was logged as an unreachable subscriber.
    /// </summary>
    [Fact]
    public void The_keepers_call_interleaves_with_a_page_in_progress() =>
        Assert.NotNull(typeof(IEventSubscriberGrain).GetMethod(nameof(IEventSubscriberGrain.EnsureRunningAsync))!.GetCustomAttribute<AlwaysInterleaveAttribute>());
}
