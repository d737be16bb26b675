namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>A word the decoder heard, when (seconds from the start of the note) and its posterior probability (0..1).</summary>
public sealed record TimedWord(string Word, double Start, double End, double Confidence);
