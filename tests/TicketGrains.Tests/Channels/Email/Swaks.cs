using System.Diagnostics;

namespace TicketGrains.Tests.Channels.Email;

/// <summary>Runs swaks (the Swiss Army Knife for SMTP, from apt; ./test.sh installs it) for one real SMTP session.</summary>
internal static class Swaks
{
    public sealed record Session(int ExitCode, string Transcript);

    public static async Task<Session> SendAsync(int port, params string[] arguments)
    {
        var start = new ProcessStartInfo("swaks", ["--server", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--timeout", "20", .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("swaks is needed for the SMTP tests: apt-get install -y swaks (./test.sh installs it)", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            return new Session(process.ExitCode, await output + await errors);
        }
    }
}
