namespace TicketGrains.Grains.AutoFill.Intents;

/// <summary>A message as ML.NET reads it: its words (<see cref="IntentText.Words"/>), its category and its weight in training.</summary>
public sealed class IntentRow
{
    public string Words { get; set; } = "";

    public string Category { get; set; } = "";

    public float Weight { get; set; } = 1;
}
