using System.Diagnostics;
using Xunit;

namespace TicketGrains.Tests.Deploy;

/// <summary>The local shell scripts (deploy/local, run.sh, test.sh, .ci/run) parse, are strict and share one preamble.</summary>
public sealed class LocalScriptTests
{
    private static readonly string Root = DeployManifestTests.Root;

    public static TheoryData<string> Scripts =>
    [
        .. Directory.GetFiles(Path.Combine(Root, "deploy", "local"), "*.sh").Select(f => Path.GetRelativePath(Root, f)).Order(StringComparer.Ordinal),
        "run.sh",
        "test.sh",
        Path.Combine(".ci", "run"),
    ];

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_is_strict_executable_bash_that_parses(string script)
    {
        var path = Path.Combine(Root, script);

        Assert.Equal((0, ""), BashParse(path));
        Assert.StartsWith("#!/usr/bin/env bash\n", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Contains("\nset -euo pipefail\n", File.ReadAllText(path), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute), $"{script} is not executable");
        }
    }

    [Fact]
    public void Every_local_script_takes_its_preamble_from_the_one_shared_file()
    {
        Assert.Equal((0, ""), BashParse(Path.Combine(Root, "deploy", "local", "common.bash")));

        var scripts = Directory.GetFiles(Path.Combine(Root, "deploy", "local"), "*.sh").Append(Path.Combine(Root, "run.sh")).Append(Path.Combine(Root, "test.sh"));
        foreach (var script in scripts)
        {
            var text = File.ReadAllText(script);
            Assert.Contains("common.bash\"", text, StringComparison.Ordinal);
            // The repository root and the message helpers are defined once, in common.bash.
            Assert.DoesNotContain("\nsay() {", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\nrepo=", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_local_script_that_starts_a_silo_or_runs_its_tests_gives_it_the_category_model()
    {
        // A silo refuses to start without Intents:ModelPath (ADR 0020); use_intent_model sets it, training when missing.
        // Running the silo's own commands (migrate, train-intents, rebuild-read-model) needs no model.
        var scripts = Directory.GetFiles(Path.Combine(Root, "deploy", "local"), "*.sh").Append(Path.Combine(Root, "run.sh")).Append(Path.Combine(Root, "test.sh"));
        var startsSilo = new System.Text.RegularExpressions.Regex(@"(dotnet\s+(""\$silo_dll""|\$silo_dll|\S*TicketGrains\.Silo\.dll)\s+(?!migrate|train-intents|rebuild-read-model)|dotnet test\s+\S*IntegrationTests)");
        var missing = scripts.Where(s => startsSilo.IsMatch(File.ReadAllText(s)) && !File.ReadAllText(s).Contains("use_intent_model", StringComparison.Ordinal))
            .Select(s => Path.GetRelativePath(Root, s)).ToList();

        Assert.Empty(missing);
    }

    /// <summary>bash -n: the exit code and what it reported, without running the script.</summary>
    private static (int ExitCode, string Errors) BashParse(string path)
    {
        using var bash = Process.Start(new ProcessStartInfo("bash", ["-n", path]) { RedirectStandardError = true, UseShellExecute = false })!;
        var errors = bash.StandardError.ReadToEnd();
        bash.WaitForExit();
        return (bash.ExitCode, errors.Trim());
    }
}
