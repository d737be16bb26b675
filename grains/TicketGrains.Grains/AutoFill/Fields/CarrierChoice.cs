namespace TicketGrains.Grains.AutoFill.Fields;

/// <summary>
/// The carrier of a text: the one the chosen tracking number's own format names (surer still when the text names it
/// too), else the carrier named nearest that number, else the one carrier the text names; several names without a
/// number to tie them to make a weak guess at the first.
/// </summary>
public static class CarrierChoice
{
    public static ExtractedField? Choose(IReadOnlyList<NumberCandidate> numbers, IReadOnlyList<CarrierMention> mentions)
    {
        var tracking = numbers.Where(n => n.Name == FieldNames.TrackingNo)
            .OrderByDescending(n => n.Confidence).ThenBy(n => n.Token.Start).FirstOrDefault();
        if (tracking?.Carrier is { } known)
        {
            var named = mentions.Any(m => m.Carrier == known);
            var confidence = named ? 0.95 : Math.Min(0.9, tracking.Confidence);
            return Field(known, confidence, tracking.Token.Start, tracking.Token.Length);
        }

        if (mentions.Count == 0)
        {
            return null;
        }

        var distinct = mentions.Select(m => m.Carrier).Distinct().Count();
        var nearest = tracking is null ? mentions[0] : mentions.OrderBy(m => Math.Abs(m.Start - tracking.Token.Start)).First();
        var sure = distinct == 1 ? 0.85 : tracking is null ? 0.5 : 0.7;
        return Field(nearest.Carrier, sure, nearest.Start, nearest.Length);
    }

    private static ExtractedField Field(Carrier carrier, double confidence, int start, int length) =>
        new(FieldNames.Carrier, carrier.Code, confidence, FieldSources.Text, start, length);
}
