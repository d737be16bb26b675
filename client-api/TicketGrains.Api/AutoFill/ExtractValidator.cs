using TicketGrains.Api.Tickets;

namespace TicketGrains.Api.AutoFill;

/// <summary>The JSON request's one rule: a text, not blank, at most the configured length, without control or deceptive characters.</summary>
public static class ExtractValidator
{
    public const string TextField = "text";

    public static string? Validate(ExtractRequest request, int maxLength, FieldErrors errors)
    {
        TextRules.Check(errors, TextField, request.Text, maxLength, required: true, multiline: true);
        return errors.Any ? null : request.Text;
    }
}
