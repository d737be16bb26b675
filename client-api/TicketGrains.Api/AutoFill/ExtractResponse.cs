using TicketGrains.Grains.AutoFill.Fields;

namespace TicketGrains.Api.AutoFill;

/// <summary>What POST /api/v1/extract found: the text read (typed, or from the file) and its fields.</summary>
public sealed record ExtractResponse(string Text, IReadOnlyList<ExtractedFieldView> Fields)
{
    public static ExtractResponse Of(string text, IReadOnlyList<ExtractedField> fields) =>
        new(text, [.. fields.Select(f => new ExtractedFieldView(f.Name, f.Value, Math.Round(f.Confidence, 2), f.Source))]);
}
