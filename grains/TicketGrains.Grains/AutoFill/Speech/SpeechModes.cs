namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>The values of <see cref="SpeechOptions.Mode"/>.</summary>
public static class SpeechModes
{
    public const string Digits = "digits";
    public const string General = "general";
}
