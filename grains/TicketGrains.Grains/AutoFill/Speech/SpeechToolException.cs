namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>The converter or the decoder failed, or is missing: the note has no transcript, and saying why helps the operator.</summary>
public sealed class SpeechToolException(string message) : Exception(message);
