namespace TicketGrains.Grains.EventLog;

/// <summary>A fact recorded in the event log. Every event says when it happened.</summary>
public interface IDomainEvent
{
    DateTimeOffset At { get; }
}
