namespace TicketGrains.Grains.EventLog;

/// <summary>One event as read back from the log.</summary>
public sealed record StoredEvent(int Version, string EventType, string Json, DateTimeOffset RecordedAt);
