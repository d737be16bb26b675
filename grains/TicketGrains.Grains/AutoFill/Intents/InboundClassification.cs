using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TicketGrains.Grains.AutoFill.Intents;

/// <summary>
/// The category of a new ticket opened by an inbound message, from what the customer wrote (an e-mail's subject and
/// text, a chat message, a voice note's recognised text). A model that cannot be loaded costs the ticket its category,
/// never the ticket: it opens as "general" and the error is logged.
/// </summary>
public sealed class InboundClassification(IIntentClassifier classifier, IOptions<IntentOptions> options, ILogger<InboundClassification> logger)
{
    public async Task<CategoryDecision> DecideAsync(string? subject, string? text)
    {
        var written = string.Join('\n', new[] { subject, text }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()));
        if (written.Length == 0)
        {
            return CategoryDecision.None;
        }

        try
        {
            return CategoryDecision.For(await classifier.ClassifyAsync(written), options.Value.SetCategoryFrom);
        }
        catch (InvalidOperationException e)
        {
            logger.LogError(e, "An inbound message was not classified; its ticket opens as general");
            return CategoryDecision.None;
        }
    }
}
