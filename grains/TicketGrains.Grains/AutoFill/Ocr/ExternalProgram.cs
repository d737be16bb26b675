using System.Diagnostics;

namespace TicketGrains.Grains.AutoFill.Ocr;

/// <summary>
/// Runs a program with bytes on its standard input and returns its standard output: no file is written, so nothing is
/// left behind when it fails or is killed. Cancelled (the timeout), it is killed with its children.
/// </summary>
public static class ExternalProgram
{
    public static async Task<byte[]> RunAsync(string program, IReadOnlyList<string> arguments, ReadOnlyMemory<byte> input,
        IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new OcrFailedException($"'{program}' could not be started: {e.Message}", e);
        }

        try
        {
            using var output = new MemoryStream();
            var reading = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await WriteInputAsync(process, input, cancellationToken);
            await Task.WhenAll(reading, errors);
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0
                ? output.ToArray()
                : throw new OcrFailedException($"'{program}' exited with {process.ExitCode}: {FirstLine(await errors)}");
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own in the meantime: nothing is left to kill.
        }
    }

    private static async Task WriteInputAsync(Process process, ReadOnlyMemory<byte> input, CancellationToken cancellationToken)
    {
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(input, cancellationToken);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program stopped reading (it refused the input); its exit code and error say why.
        }
    }

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
}
