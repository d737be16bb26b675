using Microsoft.Extensions.Logging;

namespace TicketGrains.Tests.Pipeline;

/// <summary>Keeps each entry's level, text and whether an exception (with its stack trace) came with it.</summary>
internal sealed class RecordingLogger : ILogger
{
    public List<(LogLevel Level, string Text, bool WithException)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Add((logLevel, formatter(state, exception), exception is not null));
}
