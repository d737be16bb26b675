using System.Net;

namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>Waits until a started node serves requests, by polling it; fails early with its output if it exits.</summary>
public static class Readiness
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Until GET /readyz answers 200 (the process runs, reaches PostgreSQL and, a silo, is active). Returns the node's uptime then.</summary>
    public static Task<TimeSpan> WaitForHealthAsync(TicketGrainsNode node, TimeSpan deadline) => WaitAsync(node, deadline, [Probes.Ready]);

    /// <summary>
    /// Until /readyz, a read-model listing and a grain round trip (an agent's profile, kept in Orleans grain storage)
    /// all answer 200, so the API is usable end to end. Returns the node's uptime then.
    /// </summary>
    public static Task<TimeSpan> WaitForApiAsync(TicketGrainsNode node, TimeSpan deadline) =>
        WaitAsync(node, deadline, [Probes.Ready, "/api/v1/tickets?limit=1", "/api/v1/agents/readiness-probe"]);

    private static async Task<TimeSpan> WaitAsync(TicketGrainsNode node, TimeSpan deadline, string[] paths)
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress, Timeout = ProbeTimeout };
        http.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Admin("readiness"));
        try
        {
            await Poll.UntilAsync($"{node.Name} to answer 200 on {string.Join(", ", paths)}", deadline, async () =>
            {
                if (node.Process.HasExited)
                {
                    throw new InvalidOperationException($"{node.Name} exited while starting.");
                }

                foreach (var path in paths)
                {
                    if (!await AnswersOkAsync(http, path))
                    {
                        return false;
                    }
                }

                return true;
            });
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            throw new InvalidOperationException($"{e.Message}\n----- last lines of {node.Name} -----\n{node.Process.Tail(80)}", e);
        }

        return node.Process.Uptime;
    }

    private static async Task<bool> AnswersOkAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
