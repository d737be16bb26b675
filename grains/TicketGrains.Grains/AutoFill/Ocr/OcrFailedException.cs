namespace TicketGrains.Grains.AutoFill.Ocr;

/// <summary>An image could not be read: its programs timed out, failed, or the image is not what its header says.</summary>
public sealed class OcrFailedException(string message, Exception? inner = null) : Exception(message, inner);
