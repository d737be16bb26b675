namespace TicketGrains.Grains.AutoFill.Fields;

/// <summary>
/// One field found in a text: its normalised <see cref="Value"/>, a <see cref="Confidence"/> in 0..1, the
/// <see cref="Source"/> of the text (<see cref="FieldSources"/>), and the span (<see cref="Start"/>, <see cref="Length"/>)
/// of the original text it was read from.
/// </summary>
public sealed record ExtractedField(string Name, string Value, double Confidence, string Source, int Start, int Length);
