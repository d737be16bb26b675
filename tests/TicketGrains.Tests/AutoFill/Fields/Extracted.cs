using TicketGrains.Grains.AutoFill.Fields;

namespace TicketGrains.Tests.AutoFill.Fields;

/// <summary>Reads an extraction as the tests state it: the value proposed for a field, or null.</summary>
internal static class Extracted
{
    private static readonly FieldExtractor Extractor = new();

    public static IReadOnlyList<ExtractedField> From(string text) => Extractor.Extract(text, FieldSources.Text);

    public static string? Value(string text, string name) => From(text).SingleOrDefault(f => f.Name == name)?.Value;

    public static ExtractedField Field(string text, string name) => From(text).Single(f => f.Name == name);
}
