namespace TicketGrains.Grains.AutoFill;

/// <summary>Text read from an attachment, with the reader's own confidence (0..1) in it as a whole.</summary>
public sealed record MediaText(string Text, string Source, double Confidence);
