namespace TicketGrains.Abstractions.Errors;

/// <summary>
/// A durable table the process had seen is gone (dropped, restored wrongly): its data may be lost, so writes are
/// refused until an operator restores it and restarts the process. Maps to 503 and, unlike
/// <see cref="StorageUnavailableException"/>, is not retried: waiting cannot bring the table back.
/// </summary>
[GenerateSerializer, Alias("TicketGrains.SchemaMissingException")]
public sealed class SchemaMissingException : TicketGrainsException
{
    public SchemaMissingException(string message) : base(message)
    {
    }
}
