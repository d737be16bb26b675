using TicketGrains.Api.Tickets;

namespace TicketGrains.Tests.Api;

/// <summary>A create request that passes validation, to be spoiled one field at a time.</summary>
internal static class Requests
{
    public static CustomerRequest Customer => new(null, "wx-42", "Li Lei", "+86 138-0000-0000", "li@example.com", "gold");

    public static CreateTicketRequest Valid => new(
        "wechat",
        Customer,
        "Where is my parcel?",
        "Ordered last week.\nNothing arrived.",
        "logistics",
        "high",
        new Dictionary<string, string> { ["orderId"] = "A-1001", ["sku"] = "X-9" });

    /// <summary>Validates and returns the names of the fields reported as wrong.</summary>
    public static string[] ErrorFields(CreateTicketRequest request)
    {
        var errors = new FieldErrors();
        CreateTicketValidator.Validate(request, errors);
        return [.. errors.ToDictionary().Keys.Order(StringComparer.Ordinal)];
    }
}
