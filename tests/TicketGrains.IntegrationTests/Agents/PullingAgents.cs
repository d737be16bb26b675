using System.Collections.Concurrent;
using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Agents;

/// <summary>
/// Agents pulling over HTTP and accepting each ticket they receive, as fast as the cluster answers, spread over the
/// given front doors. Every hand-out is recorded with whether the agent's accept held (200) or the ticket had gone back
/// to its queue (409). An answer that never arrived is only counted as a failure: its claim returns on its own.
/// </summary>
public sealed class PullingAgents(IReadOnlyList<ApiClient> doors, int agents, int waitSeconds)
{
    private static readonly TimeSpan AcceptRetryBudget = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan AcceptRetryPause = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrentQueue<HandOut> _handOuts = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    /// <summary>A ticket a pull answered with, and whether the agent's accept of it held.</summary>
    public sealed record HandOut(string Agent, Guid Ticket, bool Accepted);

    public IReadOnlyList<HandOut> HandOuts => [.. _handOuts];

    public IReadOnlyList<string> Failures => [.. _failures];

    public void Start() =>
        _running = Task.WhenAll(Enumerable.Range(0, agents).Select(n => Task.Run(() => WorkAsync($"agent-{n}", doors[n % doors.Count]))));

    /// <summary>Each agent stops at its next pull that finds nothing.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _running;
    }

    private async Task WorkAsync(string agent, ApiClient api)
    {
        while (true)
        {
            var response = await TryAsync("pull", () => api.PostAsync($"/api/v1/agents/{agent}/next?waitSeconds={waitSeconds}"));
            if (response?.Status == HttpStatusCode.OK)
            {
                var ticket = response.Id;
                _handOuts.Enqueue(new HandOut(agent, ticket, await AcceptAsync(api, agent, ticket)));
            }
            else if (_stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Accepts until the answer is definite: 200 (the ticket is the agent's) or 409 (its claim went back to the queue).</summary>
    private async Task<bool> AcceptAsync(ApiClient api, string agent, Guid ticket)
    {
        var until = DateTime.UtcNow + AcceptRetryBudget;
        while (DateTime.UtcNow < until)
        {
            var response = await TryAsync("accept", () => api.PostAsync($"/api/v1/agents/{agent}/tickets/{ticket}/accept"));
            if (response?.Status is HttpStatusCode.OK or HttpStatusCode.Conflict)
            {
                return response.Status == HttpStatusCode.OK;
            }

            await Task.Delay(AcceptRetryPause);
        }

        throw new TimeoutException($"{agent} got no definite answer to accepting {ticket} in {AcceptRetryBudget.TotalSeconds:0} s.");
    }

    /// <summary>The response, or null (recorded as a failure) when the request failed or was answered with neither 200, 204 nor 409.</summary>
    private async Task<ApiResponse?> TryAsync(string what, Func<Task<ApiResponse>> send)
    {
        try
        {
            var response = await send();
            if (response.Status is HttpStatusCode.OK or HttpStatusCode.NoContent or HttpStatusCode.Conflict)
            {
                return response;
            }

            _failures.Enqueue($"{what}: {(int)response.Status} {response.Text}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            _failures.Enqueue($"{what}: {e.GetType().Name} {e.Message}");
        }

        return null;
    }
}
