using System.Diagnostics;

namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>Runs one command-line tool to its end, or kills it (with its children) when the deadline or the caller cancels.</summary>
public static class ToolProcess
{
    /// <summary>The tool's standard output; throws <see cref="SpeechToolException"/> when it cannot start or exits non-zero (with its exit code).</summary>
    public static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = StartOrExplain(start);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended on its own between the deadline and the kill.
            }

            throw;
        }

        var text = await output;
        if (process.ExitCode != 0)
        {
            var detail = (await errors).Trim();
            throw new SpeechToolException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {Last(detail, 300)}", process.ExitCode);
        }

        return text;
    }

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new SpeechToolException($"{start.FileName} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new SpeechToolException($"{start.FileName} could not be started ({e.Message}); ./run.sh installs it with apt-get.");
        }
    }

    private static string Last(string text, int length) => text.Length <= length ? text : text[^length..];
}
