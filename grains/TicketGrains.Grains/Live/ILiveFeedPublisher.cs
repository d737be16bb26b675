using TicketGrains.Grains.EventLog;


namespace TicketGrains.Grains.Live;

/// <summary>Receives committed ticket appends and forwards them to the live feed, never blocking the writer.</summary>
public interface ILiveFeedPublisher
{
    void Publish(IEnumerable<AppendRequest> committed);
}
