using TicketGrains.Grains.Hosting;

namespace TicketGrains.Api.Workbench;

/// <summary>The agent workbench (section "Workbench"): where its built assets are read from.</summary>
public sealed class WorkbenchOptions : IValidatableOptions
{
    public const string Section = "Workbench";

    /// <summary>
    /// The folder of the built workbench (index.html, app.js, app-style.css). Empty: "workbench" next to the binaries,
    /// where the API's build copies client-api/workbench/dist/.
    /// </summary>
    public string AssetsPath { get; set; } = "";

    public string Folder => AssetsPath.Length > 0 ? AssetsPath : Path.Combine(AppContext.BaseDirectory, "workbench");

    public IEnumerable<string> Problems(string section)
    {
        if (AssetsPath.Length > 0 && !Path.IsPathFullyQualified(AssetsPath))
        {
            yield return $"{section}:AssetsPath must be an absolute path, not '{AssetsPath}'.";
        }
    }
}
