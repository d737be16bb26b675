using System.IO.Compression;

namespace TicketGrains.Grains.Attachments;

/// <summary>
/// A ZIP file is accepted only as an Office Open XML document (docx, xlsx, pptx): its package names its content types
/// and keeps the document's parts under word/, xl/ or ppt/. Any other archive is refused, since what it holds is unchecked.
/// </summary>
public static class OfficeDocuments
{
    public static FileType? Identify(ReadOnlySpan<byte> content)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            var names = archive.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains("[Content_Types].xml", StringComparer.Ordinal))
            {
                return null;
            }

            return names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)) ? FileTypes.Docx
                : names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal)) ? FileTypes.Xlsx
                : names.Any(n => n.StartsWith("ppt/", StringComparison.Ordinal)) ? FileTypes.Pptx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
