namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>
/// A stretch of a note the general model heard as numbers: words [<see cref="First"/>, <see cref="End"/>) of its
/// transcript, from <see cref="Start"/> to <see cref="Stop"/> seconds, spelled letters first when <see cref="WithLetters"/>,
/// a number said as hundreds or thousands when <see cref="WithCardinals"/>.
/// </summary>
public sealed record DigitWindow(int First, int End, double Start, double Stop, bool WithLetters, bool WithCardinals);
