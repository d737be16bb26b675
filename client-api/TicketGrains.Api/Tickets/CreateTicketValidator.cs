using System.Security.Cryptography;
using System.Text.Json;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Api.Tickets;

/// <summary>Turns a create request into a customer reference and ticket fields, or names every wrong field.</summary>
public static class CreateTicketValidator
{
    public const int MaxSubject = 200;
    public const int MaxBody = TicketCatalog.MaxMessageLength;
    public const int MaxFields = 50;
    public const int MaxFieldKey = 64;
    public const int MaxFieldValue = 1000;

    /// <summary>
    /// The request in validated form; the customer id and tier are filled in once the customer is resolved. A null
    /// category is one the request did not name: it is predicted from the subject and body (ADR 0020).
    /// </summary>
    public sealed record Valid(CustomerReference Customer, string Channel, string Subject, string Body, string? Category, string Priority,
        IReadOnlyDictionary<string, string> Fields);

    public static Valid? Validate(CreateTicketRequest request, FieldErrors errors)
    {
        TextRules.Check(errors, "channel", request.Channel, 16, required: true);
        TextRules.OneOf(errors, "channel", request.Channel, TicketCatalog.Channels);
        TextRules.Check(errors, "subject", request.Subject, MaxSubject, required: true);
        TextRules.Check(errors, "body", request.Body, MaxBody, required: true, multiline: true);
        TextRules.OneOf(errors, "category", request.Category, TicketCatalog.Categories);
        TextRules.OneOf(errors, "priority", request.Priority, TicketCatalog.Priorities);
        ValidateFields(request.Fields, errors);
        var customer = CustomerValidator.Validate(request.Customer, request.Channel, errors);
        if (errors.Any || customer is null)
        {
            return null;
        }

        return new Valid(customer, request.Channel!, request.Subject!.Trim(), request.Body!, request.Category,
            request.Priority ?? TicketCatalog.DefaultPriority, request.Fields ?? []);
    }

    private static void ValidateFields(Dictionary<string, string>? fields, FieldErrors errors)
    {
        if (fields is null)
        {
            return;
        }

        if (fields.Count > MaxFields)
        {
            errors.Add("fields", $"At most {MaxFields} fields.");
            return;
        }

        foreach (var (key, value) in fields)
        {
            if (key.Length is 0 or > MaxFieldKey || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
            {
                errors.Add("fields", $"Field name '{Shorten(key)}' must be 1-{MaxFieldKey} letters, digits, '_', '.' or '-'.");
            }
            else
            {
                TextRules.Check(errors, "fields." + key, value, MaxFieldValue, required: true);
            }
        }
    }

    /// <summary>Fingerprint of the request's meaning, so an Idempotency-Key reused with another body is caught.</summary>
    /// <summary>
    /// Fingerprint of the request, so a reused Idempotency-Key with a different body is told apart
    /// from a retry. Only keyed requests need it; the others get fresh ids and never collide.
    /// </summary>
    public static string RequestHash(CreateTicketRequest request)
    {
        var canonical = request with { Fields = request.Fields is null ? null : new SortedDictionary<string, string>(request.Fields, StringComparer.Ordinal).ToDictionary() };
        return Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(canonical)));
    }

    private static string Shorten(string text) => text.Length <= 32 ? text : text[..32] + "…";
}
