using Orleans.Concurrency;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Abstractions.Grains;

/// <summary>
/// The category classifier, served by the silos that hold the model: a stand-alone API front end has no model of its
/// own and asks one of them. Stateless, so every silo answers locally and calls spread over them.
/// </summary>
[Alias("TicketGrains.IIntentClassifierGrain")]
public interface IIntentClassifierGrain : IGrainWithIntegerKey
{
    [Alias("Classify"), ReadOnly]
    Task<IntentClassification> ClassifyAsync(string text);
}
