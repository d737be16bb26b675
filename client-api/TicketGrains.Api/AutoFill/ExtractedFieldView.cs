namespace TicketGrains.Api.AutoFill;

/// <summary>One field: <c>orderNo</c>, <c>trackingNo</c>, <c>carrier</c>, <c>amount</c>, <c>phone</c> or <c>address</c>, with its source (<c>text</c>, <c>ocr</c>, <c>speech</c>).</summary>
public sealed record ExtractedFieldView(string Name, string Value, double Confidence, string Source);
