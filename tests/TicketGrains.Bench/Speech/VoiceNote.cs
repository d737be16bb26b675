namespace TicketGrains.Bench.Speech;

/// <summary>One synthesised voice note: who says it how, in which file format, what is said (an order or a phone number), and the digits it carries.</summary>
public sealed record VoiceNote(string Voice, double Stretch, bool Noise, string Format, string Kind, string Sentence, string Digits)
{
    public string Label => $"{Voice} x{Stretch:0.00}{(Noise ? " noise" : "")} {Format}";
}
