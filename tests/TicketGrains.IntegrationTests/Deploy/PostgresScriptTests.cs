using System.Diagnostics;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Deploy;

/// <summary>
/// deploy/local/postgres.sh on a data folder of the test's own (a real initdb and a real server): a second start that
/// asks for another port than the running cluster listens on must say which port that is and fail, not wait for a port
/// nobody will open.
/// </summary>
public sealed class PostgresScriptTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>initdb and a first start on a loaded machine; far beyond what a refusal needs.</summary>
    private static readonly TimeSpan ScriptDeadline = TimeSpan.FromSeconds(120);

    private static readonly string Script = Path.Combine(RepoLayout.Root, "deploy", "local", "postgres.sh");

    // As root the server runs as the postgres OS user, which must be able to enter the folder (mode 755, not 700).
    private readonly string _dataRoot = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "tg-pgsh-" + Guid.NewGuid().ToString("N")[..12])).FullName;

    [Fact]
    public async Task Start_on_another_port_than_the_running_cluster_names_that_port_and_fails()
    {
        var (runningPort, askedPort) = (FreePorts.Next(), FreePorts.Next());
        var first = await RunAsync(runningPort, "start");
        Assert.True(first.ExitCode == 0, $"The first start failed:\n{first.Errors}");

        var second = await RunAsync(askedPort, "start");
        var status = await RunAsync(askedPort, "status");

        Assert.Equal(1, second.ExitCode);
        Assert.Contains($"already running on 127.0.0.1:{runningPort}, not on the requested 127.0.0.1:{askedPort}", second.Errors, StringComparison.Ordinal);
        Assert.Contains($"TICKETGRAINS_PG_PORT={runningPort}", second.Errors, StringComparison.Ordinal);
        Assert.Equal(0, status.ExitCode);
        Assert.Contains($"listen:         127.0.0.1:{runningPort} ", status.Output, StringComparison.Ordinal);
        Assert.Contains($"TICKETGRAINS_PG_PORT asks for {askedPort}, but the cluster runs on {runningPort}", status.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        // Stopping needs no port: pg_ctl finds the server by its data folder.
        var stop = RunAsync(0, "stop").GetAwaiter().GetResult();
        output.WriteLine($"stop: exit {stop.ExitCode}\n{stop.Errors}");
        Directory.Delete(_dataRoot, recursive: true);
    }

    private async Task<(int ExitCode, string Output, string Errors)> RunAsync(int port, string command)
    {
        var start = new ProcessStartInfo("bash", [Script, command]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["TICKETGRAINS_DATA"] = _dataRoot;
        start.Environment["TICKETGRAINS_PG_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var (stdout, stderr) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        using var deadline = new CancellationTokenSource(ScriptDeadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"postgres.sh {command} on port {port} did not end within {ScriptDeadline.TotalSeconds:0} s:\n{await stderr}");
        }

        var result = (process.ExitCode, await stdout, await stderr);
        output.WriteLine($"postgres.sh {command} (port {port}): exit {result.ExitCode}\n{result.Item3}");
        return result;
    }
}
