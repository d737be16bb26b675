namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>
/// The converter or the decoder failed (<see cref="ExitCode"/> set) or is missing (null): the note has no transcript,
/// and saying why helps the operator.
/// </summary>
public sealed class SpeechToolException(string message, int? exitCode = null) : Exception(message)
{
    public int? ExitCode { get; } = exitCode;
}
