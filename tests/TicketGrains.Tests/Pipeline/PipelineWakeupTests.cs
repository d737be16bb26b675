using TicketGrains.Grains.Pipeline;
using Xunit;

namespace TicketGrains.Tests.Pipeline;

public sealed class PipelineWakeupTests
{
    [Fact]
    public void A_local_commit_wakes_every_registered_pump_and_tells_the_notifier()
    {
        var wakeup = new PipelineWakeup();
        var (first, second, notified) = (0, 0, 0);
        using var a = wakeup.Register(() => first++);
        using var b = wakeup.Register(() => second++);
        wakeup.OnCommittedHere(() => notified++);

        wakeup.Committed();

        Assert.Equal((1, 1, 1), (first, second, notified));
    }

    [Fact]
    public void A_notification_from_another_silo_wakes_the_pumps_without_notifying_again()
    {
        var wakeup = new PipelineWakeup();
        var (woken, notified) = (0, 0);
        using var pump = wakeup.Register(() => woken++);
        wakeup.OnCommittedHere(() => notified++);

        wakeup.WakeAll();

        Assert.Equal((1, 0), (woken, notified));
    }

    [Fact]
    public void A_disposed_registration_is_no_longer_woken()
    {
        var wakeup = new PipelineWakeup();
        var woken = 0;
        var pump = wakeup.Register(() => woken++);
        pump.Dispose();

        wakeup.Committed();

        Assert.Equal(0, woken);
    }
}
