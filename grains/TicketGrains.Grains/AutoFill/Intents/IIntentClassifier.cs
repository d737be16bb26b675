using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.AutoFill.Intents;

/// <summary>Classifies a message into a ticket category (<see cref="IntentClassifier"/> with the trained model).</summary>
public interface IIntentClassifier
{
    Task<IntentClassification> ClassifyAsync(string text, CancellationToken cancellationToken = default);
}
