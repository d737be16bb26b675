using System.Diagnostics;

namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>Waits for a condition by polling it, with a deadline; the only way these tests wait for something to happen.</summary>
public static class Poll
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>Polls until the condition holds; returns how long that took, or throws a TimeoutException naming what never happened.</summary>
    public static async Task<TimeSpan> UntilAsync(string what, TimeSpan deadline, Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > deadline)
            {
                throw new TimeoutException($"Gave up after {deadline.TotalSeconds:0} s waiting for {what}.");
            }

            await Task.Delay(Interval);
        }

        return watch.Elapsed;
    }
}
