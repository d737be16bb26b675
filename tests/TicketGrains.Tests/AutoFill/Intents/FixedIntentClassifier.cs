using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.AutoFill.Intents;

namespace TicketGrains.Tests.AutoFill.Intents;

/// <summary>A classifier that answers the same for every text and remembers what it was asked (in-memory, for unit tests).</summary>
public sealed class FixedIntentClassifier(string category, double confidence) : IIntentClassifier
{
    public List<string> Texts { get; } = [];

    public Task<IntentClassification> ClassifyAsync(string text, CancellationToken cancellationToken = default)
    {
        Texts.Add(text);
        return Task.FromResult(new IntentClassification(category, confidence, [new CategoryConfidence("general", 1 - confidence)]));
    }
}
