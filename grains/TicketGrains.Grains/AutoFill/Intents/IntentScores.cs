namespace TicketGrains.Grains.AutoFill.Intents;

/// <summary>The model's output: one probability per category, in the order of the model's category slots.</summary>
public sealed class IntentScores
{
    public float[] Score { get; set; } = [];
}
