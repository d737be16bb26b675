using Orleans.Concurrency;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;

namespace TicketGrains.Grains.AutoFill.Intents;

/// <summary>The classifier for callers without the model (API front ends): a local worker on whichever silo answers.</summary>
[StatelessWorker]
public sealed class IntentClassifierGrain(IIntentClassifier classifier, NewTicketClassification newTickets) : Grain, IIntentClassifierGrain
{
    public Task<IntentClassification> ClassifyAsync(string text) => classifier.ClassifyAsync(text);

    public Task<CategoryDecision> DecideCategoryAsync(string? subject, string? text) => newTickets.DecideAsync(subject, text);
}
