using System.Text.RegularExpressions;
using TicketGrains.Grains.Hosting;

namespace TicketGrains.Grains.AutoFill.Fields;

/// <summary>
/// The "AutoFill:Fields" section: each tenant's own order-number formats, beside the platforms' built-in ones
/// (<c>AutoFill__Fields__OrderNoFormats__shop-a__0=SO-\d{4}-\d{6}</c>), and the longest text extraction reads.
/// </summary>
public sealed class FieldExtractionOptions : IValidatableOptions
{
    public const string Section = "AutoFill:Fields";

    /// <summary>Per tenant id, regular expressions an order number of the shop matches whole (case-insensitive).</summary>
    public Dictionary<string, List<string>> OrderNoFormats { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The longest text (characters) extraction reads, typed or read from a file.</summary>
    public int MaxTextLength { get; set; } = 20_000;

    public IEnumerable<string> Problems(string section)
    {
        if (MaxTextLength is < 100 or > 1_000_000)
        {
            yield return $"{section}:MaxTextLength must be between 100 and 1000000, not {MaxTextLength}.";
        }

        foreach (var (tenant, formats) in OrderNoFormats)
        {
            for (var i = 0; i < formats.Count; i++)
            {
                if (Invalid(formats[i]) is { } why)
                {
                    yield return $"{section}:OrderNoFormats:{tenant}:{i} is not a regular expression: {why}";
                }
            }
        }
    }

    private static string? Invalid(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return "it is empty.";
        }

        try
        {
            _ = new Regex(pattern);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}
