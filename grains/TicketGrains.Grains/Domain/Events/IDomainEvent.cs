namespace TicketGrains.Grains.Domain.Events;

/// <summary>A fact recorded in the event log. Every event says when it happened.</summary>
public interface IDomainEvent
{
    DateTimeOffset At { get; }
}
