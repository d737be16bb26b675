namespace TicketGrains.Api.Tickets;

/// <summary>Small checks shared by every validator.</summary>
public static class TextRules
{
    public static bool HasControlCharacters(string text, bool allowNewlines) =>
        text.Any(c => char.IsControl(c) && !(allowNewlines && c is '\n' or '\r' or '\t'));

    /// <summary>
    /// Direction overrides and isolates make text display differently from what it is ("invoice\u202Egpj.exe" shows as
    /// "invoiceexe.jpg"), and unpaired surrogates or noncharacters are not text at all: encoders downstream fail on them.
    /// Plain direction marks (U+200E, U+200F) stay allowed, as Arabic and Hebrew text needs them.
    /// </summary>
    public static bool HasDeceptiveOrBrokenCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or (>= '\uFDD0' and <= '\uFDEF') or '\uFFFE' or '\uFFFF'
                || char.IsLowSurrogate(c) || (char.IsHighSurrogate(c) && (i + 1 == text.Length || !char.IsLowSurrogate(text[++i]))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds an error unless the text is present (when required), short enough and free of control, direction-override and broken characters.</summary>
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
        else if (HasDeceptiveOrBrokenCharacters(value))
        {
            errors.Add(field, $"'{field}' contains direction overrides, unpaired surrogates or noncharacters.");
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
