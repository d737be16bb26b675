namespace TicketGrains.LinkingBench;

/// <summary>
/// The rates the generated population is drawn with (printed with the result). A "later identity" is a person's second
/// or third channel: what its first message gives is the hard case of cross-channel linking.
/// </summary>
public sealed record PopulationMix
{
    /// <summary>Share of persons in a family of 2 to 4 whose members give one shared phone (the first member's mobile).</summary>
    public double InFamily { get; init; } = 0.20;

    /// <summary>Persons with 1, 2 and 3 identities (channels).</summary>
    public IReadOnlyList<double> Identities { get; init; } = [0.50, 0.35, 0.15];

    /// <summary>A first identity's message gives an order number / a phone / the e-mail address.</summary>
    public double FirstGivesOrder { get; init; } = 0.85;

    public double FirstGivesPhone { get; init; } = 0.35;

    public double FirstGivesEmail { get; init; } = 0.10;

    /// <summary>A later identity's first message gives an order number, else its e-mail address (re-used), else only a phone; the rest nothing.</summary>
    public double LaterGivesOrder { get; init; } = 0.75;

    public double LaterGivesEmail { get; init; } = 0.08;

    public double LaterGivesPhoneOnly { get; init; } = 0.07;

    /// <summary>A later identity's first message also gives the phone.</summary>
    public double LaterAddsPhone { get; init; } = 0.30;

    /// <summary>An order number or e-mail address written with a typo (one digit or letter wrong).</summary>
    public double Typo { get; init; } = 0.03;

    /// <summary>A family member's message asks about another member's order instead of an own one.</summary>
    public double AsksForFamilyOrder { get; init; } = 0.02;

    /// <summary>Further messages per identity after the first: 0 to this many.</summary>
    public int MoreMessages { get; init; } = 2;

    public override string ToString() => string.Join("; ",
        FormattableString.Invariant($"families {InFamily:P0}"),
        "identities 1/2/3 " + string.Join('/', Identities.Select(i => FormattableString.Invariant($"{i:P0}"))),
        FormattableString.Invariant($"first message gives order {FirstGivesOrder:P0}, phone {FirstGivesPhone:P0}, e-mail {FirstGivesEmail:P0}"),
        FormattableString.Invariant(
            $"later identity's first message gives order {LaterGivesOrder:P0}, else e-mail {LaterGivesEmail:P0}, else phone only {LaterGivesPhoneOnly:P0}, else nothing"),
        FormattableString.Invariant($"adds the phone {LaterAddsPhone:P0}; typos {Typo:P0}; a family member asks for another's order {AsksForFamilyOrder:P0}"),
        FormattableString.Invariant($"0-{MoreMessages} more messages per identity"));
}
