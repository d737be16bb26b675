namespace TicketGrains.Grains.AutoFill.Fields;

/// <summary>
/// Finds the fields of a ticket in a text (typed, OCR'd or heard): order and tracking numbers, carrier, amount, mobile
/// phone, address. Each token becomes at most one field, and each field name is proposed once, from its most confident
/// finding (the earliest among equals), with the span of the original text it came from. Pure and thread-safe.
/// </summary>
public sealed class FieldExtractor(IReadOnlyList<OrderNumberFormat> tenantOrderFormats)
{
    private readonly NumberClassifier _classifier = new(tenantOrderFormats);

    public FieldExtractor()
        : this([])
    {
    }

    public IReadOnlyList<ExtractedField> Extract(string text, string source)
    {
        var shaped = ShapedText.Of(text);
        var mentions = CarrierMentions.Find(shaped.Text);
        var numbers = _classifier.Classify(shaped.Text, NumberTokens.Find(shaped.Text), mentions).ToList();
        var found = new List<ExtractedField>();
        found.AddRange(numbers.Select(n => new ExtractedField(n.Name, n.Value, n.Confidence, source, n.Token.Start, n.Token.Length)));
        found.AddRange(SpacedPhones(shaped.Text, numbers, source));
        found.AddRange(Amounts.Find(shaped.Text, source));
        found.AddRange(Addresses.Find(shaped.Text, source));
        if (CarrierChoice.Choose(numbers, mentions) is { } carrier)
        {
            found.Add(carrier with { Source = source });
        }

        return [.. found
            .GroupBy(f => f.Name)
            .Select(g => g.OrderByDescending(f => f.Confidence).ThenBy(f => f.Start).First())
            .OrderBy(f => FieldNames.All.ToList().IndexOf(f.Name))
            .Select(f => InOriginal(f, shaped))];
    }

    /// <summary>Phones written 3-4-4 or after +86, which are not one token; never inside a number already taken.</summary>
    private static IEnumerable<ExtractedField> SpacedPhones(string text, IReadOnlyList<NumberCandidate> numbers, string source) =>
        PhoneNumbers.Find(text)
            .Where(p => !numbers.Any(n => n.Token.Start < p.Start + p.Length && p.Start < n.Token.Start + n.Token.Length && n.Name != FieldNames.Phone))
            .Select(p => new ExtractedField(FieldNames.Phone, p.Digits, 0.85, source, p.Start, p.Length));

    private static ExtractedField InOriginal(ExtractedField field, ShapedText shaped)
    {
        var (start, length) = shaped.OriginalSpan(field.Start, field.Length);
        return field with { Start = start, Length = length };
    }
}
