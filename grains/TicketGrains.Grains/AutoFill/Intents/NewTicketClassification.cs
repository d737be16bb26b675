using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.AutoFill.Intents;

/// <summary>
/// The category of a new ticket from what the customer wrote: the inbound message that opens it (an e-mail's subject and
/// text, a chat message, a voice note's recognised text), or the subject and body of an API create that names no
/// category. A model that cannot be loaded costs the ticket its category, never the ticket: it opens as "general" and
/// the error is logged.
/// </summary>
public sealed class NewTicketClassification(IIntentClassifier classifier, IOptions<IntentOptions> options, ILogger<NewTicketClassification> logger)
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
            logger.LogError(e, "A new ticket's text was not classified; the ticket opens as general");
            return CategoryDecision.None;
        }
    }
}
