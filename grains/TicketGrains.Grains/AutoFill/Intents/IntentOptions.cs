using TicketGrains.Grains.Hosting;

namespace TicketGrains.Grains.AutoFill.Intents;

/// <summary>The "Intents" section: where the category model is and how sure it must be to set a new ticket's category.</summary>
public sealed class IntentOptions : IValidatableOptions
{
    public const string Section = "Intents";

    /// <summary>Longest text classified, in characters; the API refuses longer, an inbound message is read up to it.</summary>
    public const int MaxTextLength = 4_000;

    /// <summary>The model file `TicketGrains.Silo.dll train-intents` wrote (./run.sh and ./test.sh build it when missing).</summary>
    public string ModelPath { get; set; } = "";

    /// <summary>
    /// From this confidence on, an inbound message's category becomes its new ticket's category (routing and the SLA
    /// policy follow it); below, the ticket stays "general" with the category proposed.
    /// </summary>
    public double SetCategoryFrom { get; set; } = 0.6;

    /// <summary>Load the model while the silo starts (a broken file stops it there); false loads it at the first message.</summary>
    public bool LoadAtStart { get; set; } = true;

    public IEnumerable<string> Problems(string section)
    {
        if (string.IsNullOrWhiteSpace(ModelPath))
        {
            yield return $"{section}:{nameof(ModelPath)} is not set: it names the category model file, which " +
                "`dotnet TicketGrains.Silo.dll train-intents --data deploy/intents --out <file>` builds (deploy/local/intent-model.sh).";
        }
        else if (!File.Exists(ModelPath))
        {
            yield return $"{section}:{nameof(ModelPath)} names {Path.GetFullPath(ModelPath)}, which does not exist: build it with " +
                $"deploy/local/intent-model.sh or `dotnet TicketGrains.Silo.dll train-intents --data deploy/intents --out {ModelPath}`.";
        }

        if (SetCategoryFrom is <= 0 or > 1 || double.IsNaN(SetCategoryFrom))
        {
            yield return $"{section}:{nameof(SetCategoryFrom)} must be above 0 and at most 1.";
        }
    }
}
