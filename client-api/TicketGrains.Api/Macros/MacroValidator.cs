using TicketGrains.Abstractions.Catalog;
using TicketGrains.Api.Tickets;
using TicketGrains.Grains.Rules;

namespace TicketGrains.Api.Macros;

/// <summary>What a macro may be; each mistake named by its field.</summary>
public static class MacroValidator
{
    public const int MaxTitle = 100;

    /// <summary>As long as a message body may be, so any macro can be sent as it is.</summary>
    public const int MaxBody = TicketCatalog.MaxMessageLength;

    public static FieldErrors Check(string id, PutMacroRequest request)
    {
        var errors = new FieldErrors();
        if (!RuleClauses.IsName(id))
        {
            errors.Add("id", "A macro id is 1-64 letters, digits, '-' or '_'.");
        }

        TextRules.Check(errors, "title", request.Title, MaxTitle, required: true);
        TextRules.Check(errors, "body", request.Body, MaxBody, required: true, multiline: true);
        TextRules.OneOf(errors, "status", request.Status, TicketStatus.All);
        return errors;
    }
}
