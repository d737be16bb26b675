namespace TicketGrains.Abstractions.Errors;

/// <summary>PostgreSQL could not be reached or refused the write; maps to 503 and is safe to retry.</summary>
[GenerateSerializer, Alias("TicketGrains.StorageUnavailableException")]
public sealed class StorageUnavailableException : TicketGrainsException
{
    public StorageUnavailableException(string message) : base(message)
    {
    }
}
