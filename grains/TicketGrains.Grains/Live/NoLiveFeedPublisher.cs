using TicketGrains.Grains.EventLog;


namespace TicketGrains.Grains.Live;

/// <summary>For hosts without streams (tests of the event log on its own).</summary>
public sealed class NoLiveFeedPublisher : ILiveFeedPublisher
{
    public void Publish(IEnumerable<AppendRequest> committed)
    {
    }
}
