namespace TicketGrains.Grains.AutoFill.Intents;

/// <summary>One training message with its ticket category and the file it came from (for per-source measures).</summary>
public sealed record LabelledText(string Text, string Category, string Source);
