using System.Text.RegularExpressions;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Tickets;
using TicketGrains.Grains.Sla;

namespace TicketGrains.Api.Sla;

/// <summary>
/// Reads an SLA policy or calendar strictly and validates it; every problem is named by JSON pointer into the body
/// ("/targets/2/seconds"), also the ones the JSON reader finds (a string where a number belongs, an unknown member).
/// </summary>
public static partial class SlaDocumentBody
{
    public static async Task<T> ReadAsync<T>(HttpRequest request, string name, Func<T, List<(string Pointer, string Message)>> check)
        where T : class
    {
        var errors = new FieldErrors();
        if (!SlaDocumentRules.IsValidName(name))
        {
            errors.Add("name", "A name is 1-64 lowercase letters, digits, '-' or '_'.");
        }

        T document;
        try
        {
            document = await JsonBody.ReadAsync<T>(request);
        }
        catch (InvalidFieldException e)
        {
            errors.Add(Pointer(e.Field), e.Message);
            throw new ValidationFailed(errors);
        }

        foreach (var (pointer, message) in check(document))
        {
            errors.Add(pointer, message);
        }

        ValidationFailed.ThrowIfAny(errors);
        return document;
    }

    /// <summary>"targets[0].seconds" (the reader's path) as "/targets/0/seconds"; the whole body is "/".</summary>
    public static string Pointer(string path) =>
        path == "body" ? "/" : "/" + Index().Replace(path, "/$1").Replace('.', '/').TrimStart('/');

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Index();
}
