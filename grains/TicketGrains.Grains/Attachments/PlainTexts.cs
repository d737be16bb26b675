using System.Text;

namespace TicketGrains.Grains.Attachments;

/// <summary>Plain text has no magic bytes: it is well-formed UTF-8 without control characters other than tab, line breaks and form feed.</summary>
public static class PlainTexts
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool IsText(ReadOnlySpan<byte> content)
    {
        foreach (var b in content)
        {
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C)
            {
                return false;
            }
        }

        try
        {
            Strict.GetCharCount(content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
