using Xunit;

namespace TicketGrains.Tests.Cluster;

/// <summary>Polls a condition until it holds or a real-time deadline passes.</summary>
public static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTimeOffset.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        using var timer = new PeriodicTimer(Interval);
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await timer.WaitForNextTickAsync();
        }
    }
}
