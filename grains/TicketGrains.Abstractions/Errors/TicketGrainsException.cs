namespace TicketGrains.Abstractions.Errors;

/// <summary>
/// Base of every error that crosses a grain boundary. Driver exceptions (e.g. PostgresException)
/// cannot be serialized by Orleans, so grains translate them into one of these.
/// </summary>
[GenerateSerializer, Alias("TicketGrains.TicketGrainsException")]
public abstract class TicketGrainsException : Exception
{
    protected TicketGrainsException(string message) : base(message)
    {
    }
}
