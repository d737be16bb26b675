namespace TicketGrains.Abstractions.Errors;

/// <summary>An expected version or a reused idempotency key does not match; maps to 409.</summary>
[GenerateSerializer, Alias("TicketGrains.ConflictException")]
public sealed class ConflictException : TicketGrainsException
{
    public ConflictException(string message) : base(message)
    {
    }
}
