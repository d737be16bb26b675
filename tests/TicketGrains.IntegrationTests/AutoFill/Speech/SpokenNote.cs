using TicketGrains.Grains.AutoFill.Speech;

namespace TicketGrains.IntegrationTests.AutoFill.Speech;

/// <summary>A voice note the test speaks itself with flite (a Debian voice), shaped by sox into the format a channel would send.</summary>
public static class SpokenNote
{
    /// <summary>sox's output type and the options that shape it: AMR-NB is 8 kHz as phones and WeChat record it.</summary>
    public static async Task<byte[]> SayAsync(string voice, string sentence, string format)
    {
        var work = Directory.CreateTempSubdirectory("ticketgrains-spoken-");
        try
        {
            var spoken = Path.Combine(work.FullName, "spoken.wav");
            var shaped = Path.Combine(work.FullName, "note." + format);
            await ToolProcess.RunAsync("flite", ["-voice", voice, "-t", sentence, "-o", spoken], CancellationToken.None);
            IReadOnlyList<string> shape = format switch
            {
                "amr" => [spoken, "-r", "8000", "-c", "1", "-C", "7", "-t", "amr-nb", shaped],
                "mp3" => [spoken, "-c", "1", "-C", "64", shaped],
                _ => [spoken, "-r", "16000", "-c", "1", "-b", "16", shaped],
            };
            await ToolProcess.RunAsync("sox", shape, CancellationToken.None);
            return await File.ReadAllBytesAsync(shaped);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
