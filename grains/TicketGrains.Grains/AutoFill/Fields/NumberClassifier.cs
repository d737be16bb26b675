namespace TicketGrains.Grains.AutoFill.Fields;

/// <summary>
/// Decides what each number-like token is, so that no token is ever two fields: its label first (an order number
/// labelled as one is never a tracking or phone number, whatever its shape), then the formats that belong to one
/// field alone, then the shapes fields share, weighed by what else the text says (a carrier named, JD as the shop).
/// </summary>
public sealed class NumberClassifier(IReadOnlyList<OrderNumberFormat> tenantFormats)
{
    public const double Labelled = 0.95;

    public IEnumerable<NumberCandidate> Classify(string text, IReadOnlyList<NumberToken> tokens, IReadOnlyList<CarrierMention> mentions)
    {
        var speaksOfJd = OrderNumberFormats.SpeaksOfJd(text);
        foreach (var token in tokens)
        {
            if (Classify(token, NumberLabels.Before(text, token.Start), mentions, speaksOfJd) is { } candidate)
            {
                yield return candidate;
            }
        }
    }

    private NumberCandidate? Classify(NumberToken token, NumberLabel label, IReadOnlyList<CarrierMention> mentions, bool speaksOfJd)
    {
        var value = token.Value;
        var owner = Carriers.OwnerOf(value);
        switch (label)
        {
            case NumberLabel.OrderNo:
                return new(FieldNames.OrderNo, value, Labelled, token, null);
            case NumberLabel.TrackingNo:
                return new(FieldNames.TrackingNo, value, Labelled, token, owner ?? NamedFitting(token, mentions) ?? OnlyFitting(value));
            case NumberLabel.Phone when PhoneNumbers.IsMobile(Digits(value)):
                return new(FieldNames.Phone, Digits(value), Labelled, token, null);
        }

        if (OrderNumberFormats.Pinduoduo.Matches(value))
        {
            return new(FieldNames.OrderNo, value, OrderNumberFormats.Pinduoduo.Confidence, token, null);
        }

        if (tenantFormats.FirstOrDefault(f => f.Matches(value)) is { } tenant)
        {
            return new(FieldNames.OrderNo, value, tenant.Confidence, token, null);
        }

        if (owner is not null)
        {
            return new(FieldNames.TrackingNo, value, 0.9, token, owner);
        }

        if (PhoneNumbers.IsMobile(value))
        {
            return new(FieldNames.Phone, value, 0.85, token, null);
        }

        if (OrderNumberFormats.Platforms.FirstOrDefault(f => f.Matches(value)) is { } platform)
        {
            return new(FieldNames.OrderNo, value, platform.Confidence, token, null);
        }

        if (NamedFitting(token, mentions) is { } named)
        {
            return new(FieldNames.TrackingNo, value, 0.75, token, named);
        }

        if (speaksOfJd && OrderNumberFormats.Jd.Matches(value))
        {
            return new(FieldNames.OrderNo, value, OrderNumberFormats.Jd.Confidence, token, null);
        }

        return Carriers.FittingDigits(value).Count > 0 ? new(FieldNames.TrackingNo, value, 0.4, token, OnlyFitting(value)) : null;
    }

    /// <summary>The carrier whose all-digit format the number fits when no other carrier's does.</summary>
    private static Carrier? OnlyFitting(string value) => Carriers.FittingDigits(value) is [var only] ? only : null;

    /// <summary>The carrier named in the text whose all-digit format the number fits (the nearest such name).</summary>
    private static Carrier? NamedFitting(NumberToken token, IReadOnlyList<CarrierMention> mentions) =>
        mentions.OrderBy(m => Math.Abs(m.Start - token.Start)).Select(m => m.Carrier).FirstOrDefault(c => c.FitsDigits(token.Value));

    private static string Digits(string value) => string.Concat(value.Where(char.IsAsciiDigit));
}
