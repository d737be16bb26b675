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

    /// <summary>
    /// The category of a new ticket from its subject and text: set at or above <c>Intents:SetCategoryFrom</c>, else
    /// "general" with the prediction proposed; "general" and nothing proposed when nothing is written or the model cannot
    /// be loaded.
    /// </summary>
    [Alias("DecideCategory"), ReadOnly]
    Task<CategoryDecision> DecideCategoryAsync(string? subject, string? text);
}
