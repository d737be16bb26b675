namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>Finds the built silo and API next to this test assembly: same repository, configuration and framework.</summary>
public static class RepoLayout
{
    private static readonly DirectoryInfo TestOutput = new(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));

    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release, taken from this assembly's own output path.</summary>
    public static string Configuration { get; } = TestOutput.Parent?.Name ?? throw new InvalidOperationException("Unexpected test output path.");

    public static string SiloDll => Built("silo", "TicketGrains.Silo");

    public static string ApiDll => Built("client-api", "TicketGrains.Api");

    private static string Built(string folder, string project)
    {
        var path = Path.Combine(Root, folder, project, "bin", Configuration, TestOutput.Name, project + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is missing: build the solution with -c {Configuration} first.", path);
    }

    private static string FindRoot()
    {
        for (var dir = TestOutput; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TicketGrains.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No TicketGrains.sln above {TestOutput.FullName}.");
    }
}
