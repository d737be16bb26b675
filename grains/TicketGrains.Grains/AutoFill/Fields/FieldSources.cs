namespace TicketGrains.Grains.AutoFill.Fields;

/// <summary>Where the text a field was found in came from: typed, read from an image, or heard in a voice note.</summary>
public static class FieldSources
{
    public const string Text = "text";
    public const string Ocr = "ocr";
    public const string Speech = "speech";
}
