using TicketGrains.Abstractions.Errors;

namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>
/// Walks the frames of an AMR storage file (RFC 4867 §5: a magic line, then frames of one header byte and a payload whose
/// length the header's frame type fixes) before sox sees it. sox reads a reserved frame type as a zero-length frame and
/// then spins at full CPU without end (Debian 12's sox 14.4.2, measured: a 1 KiB file that only starts like AMR ran
/// for 10 minutes), so such a file is refused here, naming the field, instead of holding the speech reader until its
/// deadline. A file cut inside its last frame is decodable and kept.
/// </summary>
public static class AmrFrames
{
    private const int NarrowbandMagicLength = 6; // "#!AMR\n"

    // Payload bytes per frame type; -1 marks the reserved types (NB 9-14, WB 10-13) that sox cannot step over.
    private static readonly int[] Narrowband = [12, 13, 15, 17, 19, 20, 26, 31, 5, -1, -1, -1, -1, -1, -1, 0];
    private static readonly int[] Wideband = [17, 23, 32, 36, 40, 46, 50, 58, 60, 5, -1, -1, -1, -1, 0, 0];

    public static bool IsWideband(ReadOnlySpan<byte> content) => content.StartsWith("#!AMR-WB\n"u8);

    /// <summary>Throws <see cref="InvalidFieldException"/> (field "file") at the first frame sox could not step over.</summary>
    public static void Check(ReadOnlySpan<byte> content, string field)
    {
        var wideband = IsWideband(content);
        var (sizes, offset) = wideband ? (Wideband, "#!AMR-WB\n"u8.Length) : (Narrowband, NarrowbandMagicLength);
        var frame = 0;
        while (offset < content.Length)
        {
            var type = (content[offset] >> 3) & 0x0F;
            if (sizes[type] < 0)
            {
                throw new InvalidFieldException(field,
                    $"The {(wideband ? "AMR-WB" : "AMR")} voice note is damaged: frame {frame} (byte {offset}) has the reserved frame type {type}.");
            }

            offset += 1 + sizes[type];
            frame++;
        }
    }
}
