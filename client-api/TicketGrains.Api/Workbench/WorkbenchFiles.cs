namespace TicketGrains.Api.Workbench;

/// <summary>Which file of the built workbench a path under /app names, and how it is served.</summary>
public static class WorkbenchFiles
{
    public const string Page = "index.html";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".map"] = "application/json; charset=utf-8",
    };

    /// <summary>
    /// The file for a path relative to /app ("" is the page), or null when the path is not one of the workbench's
    /// files: only plain names of a served type, nothing hidden, nothing outside the folder.
    /// </summary>
    public static WorkbenchFile? Resolve(string folder, string? path)
    {
        var name = string.IsNullOrEmpty(path) ? Page : path;
        if (name.Contains('/') || name.Contains('\\') || name.StartsWith('.') || !ContentTypes.TryGetValue(Path.GetExtension(name), out var contentType))
        {
            return null;
        }

        return new WorkbenchFile(Path.Combine(folder, name), contentType, name == Page);
    }
}

/// <summary>A file of the built workbench; the page itself is never cached without asking, its hashed assets for a year.</summary>
public sealed record WorkbenchFile(string FullPath, string ContentType, bool IsPage);
