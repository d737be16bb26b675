namespace TicketGrains.Bench.Ocr;

/// <summary>A generated order page: the lines drawn and the value each field must be read as.</summary>
public sealed record OrderPage(IReadOnlyList<string> Lines, IReadOnlyDictionary<string, string> Expected);
