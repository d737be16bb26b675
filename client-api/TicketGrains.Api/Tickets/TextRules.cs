namespace TicketGrains.Api.Tickets;

/// <summary>Small checks shared by every validator.</summary>
public static class TextRules
{
    public static bool HasControlCharacters(string text, bool allowNewlines) =>
        text.Any(c => char.IsControl(c) && !(allowNewlines && c is '\n' or '\r' or '\t'));

    /// <summary>Adds an error unless the text is present (when required), short enough and free of control characters.</summary>
    public static void Check(FieldErrors errors, string field, string? value, int maxLength, bool required, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, $"'{field}' is required.");
            }

            return;
        }

        if (value.Length > maxLength)
        {
            errors.Add(field, $"'{field}' is longer than {maxLength} characters.");
        }
        else if (HasControlCharacters(value, multiline))
        {
            errors.Add(field, $"'{field}' contains control characters.");
        }
    }

    public static void OneOf(FieldErrors errors, string field, string? value, IEnumerable<string> allowed)
    {
        if (value is not null && !allowed.Contains(value))
        {
            errors.Add(field, $"'{value}' is not a known {field}; use one of: {string.Join(", ", allowed)}.");
        }
    }
}
