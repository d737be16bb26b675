namespace TicketGrains.Grains.Attachments;

/// <summary>
/// The name a file is stored and downloaded under: the sender's name without any path, control characters or quotes,
/// at most <see cref="MaxLength"/> characters; "attachment.{type}" when nothing is left.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 200;

    public static string Clean(string? name, FileType type)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/')[^1];
        var kept = new string([.. last.Where(c => !char.IsControl(c) && c is not '"')]).Trim();
        if (kept.Length > MaxLength)
        {
            kept = kept[..MaxLength];
        }

        return kept.Length == 0 || kept is "." or ".." ? $"attachment.{type.Name}" : kept;
    }
}
