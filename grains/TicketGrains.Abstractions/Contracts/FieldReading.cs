namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// The fields found in one thing the ticket holds (its opening text, a customer message, an attachment), identified by
/// the version of the ticket event that brought it: the ticket records a reading once. A field at least as confident as
/// <see cref="FillThreshold"/> fills an empty ticket field; the rest are proposed.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.FieldReading")]
public sealed record class FieldReading(
    [property: Id(0)] int FromVersion,
    [property: Id(1)] IReadOnlyList<ProposedFieldView> Fields,
    [property: Id(2)] double FillThreshold);
