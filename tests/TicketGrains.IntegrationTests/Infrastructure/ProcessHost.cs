using System.Diagnostics;

namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>A child process with its output captured; killed (with its children) when disposed.</summary>
public sealed class ProcessHost : IDisposable
{
    private const int KeptLines = 2000;
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly OutputBuffer _output = new(KeptLines);
    private readonly Stopwatch _uptime = Stopwatch.StartNew();

    private ProcessHost(string name, ProcessStartInfo start)
    {
        Name = name;
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Capture(e.Data, "");
        _process.ErrorDataReceived += (_, e) => Capture(e.Data, "err: ");
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code once it has exited (0 after a graceful stop, 137 after kill -9).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Time since the process was started.</summary>
    public TimeSpan Uptime => _uptime.Elapsed;

    /// <summary>Runs `dotnet dll args...`, with the same dotnet host that runs the tests.</summary>
    public static ProcessHost StartDotnet(string name, string dll, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new ProcessHost(name, start);
    }

    /// <summary>kill -9 of the process and its children; returns once it is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(KillWait);
    }

    /// <summary>SIGTERM (a graceful shutdown), then kill -9 if it has not exited within the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        await SignalAsync("TERM");
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    /// <summary>SIGSTOP: the process stops running (as in a long GC pause) but keeps its sockets open.</summary>
    public Task PauseAsync() => SignalAsync("STOP");

    /// <summary>SIGCONT: a paused process runs again.</summary>
    public Task ContinueAsync() => SignalAsync("CONT");

    /// <summary>Waits for a process that ends by itself (a command, not a server); returns its exit code, or fails the test at the deadline.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not exit within {deadline.TotalSeconds:0} s; its output:\n{Tail(80)}");
        }

        return _process.ExitCode;
    }

    public string Tail(int lines) => _output.Tail(lines);

    /// <summary>The kept output lines as the process wrote them (without the uptime this class puts before each); stderr lines start with "err: ".</summary>
    public IReadOnlyList<string> Lines() => [.. _output.Lines().Select(l => l.TrimStart().Split(' ', 2) is [_, var text] ? text : "")];

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {Id} ({Name}) exited with {kill.ExitCode}.");
        }
    }

    private void Capture(string? line, string prefix)
    {
        if (line is not null)
        {
            _output.Add($"{_uptime.Elapsed.TotalSeconds,7:0.000} {prefix}{line}");
        }
    }
}
