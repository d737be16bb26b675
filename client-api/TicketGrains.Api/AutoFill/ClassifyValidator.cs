using TicketGrains.Api.Tickets;
using TicketGrains.Grains.AutoFill.Intents;

namespace TicketGrains.Api.AutoFill;

/// <summary>Checks a classify request: a text is required, at most <see cref="IntentOptions.MaxTextLength"/> characters.</summary>
public static class ClassifyValidator
{
    public static string? Validate(ClassifyRequest? request, FieldErrors errors)
    {
        TextRules.Check(errors, "text", request?.Text, IntentOptions.MaxTextLength, required: true, multiline: true);
        return errors.Any ? null : request!.Text;
    }
}
