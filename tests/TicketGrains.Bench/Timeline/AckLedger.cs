using System.Collections.Concurrent;
using System.Net;

namespace TicketGrains.Bench.Timeline;

/// <summary>
/// Every write the server acknowledged during a run: created tickets by id, and messages by the ticket they were added
/// to and a marker unique to each body. After the run each one is read back through the API; whatever is missing is an
/// acknowledged loss (the aim is none).
/// </summary>
public sealed class AckLedger
{
    private readonly ConcurrentQueue<Guid> _tickets = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentQueue<string>> _messages = new();

    public int Tickets => _tickets.Count;

    public int Messages => _messages.Values.Sum(m => m.Count);

    public void Ticket(Guid id) => _tickets.Enqueue(id);

    public void Message(Guid ticket, string marker) => _messages.GetOrAdd(ticket, _ => new()).Enqueue(marker);

    /// <summary>Reads every acknowledged ticket (and the thread of every ticket that got messages); returns what is missing.</summary>
    public async Task<IReadOnlyList<string>> MissingAsync(FrontEnds api, CancellationToken cancellationToken)
    {
        var missing = new ConcurrentQueue<string>();
        var tickets = _tickets.Concat(_messages.Keys).Distinct().ToList();
        await Parallel.ForEachAsync(tickets, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            var (status, body) = await ReadAsync(api, id, ct);
            if (status != HttpStatusCode.OK)
            {
                missing.Enqueue($"ticket {id}: {(int)status}");
                return;
            }

            foreach (var marker in _messages.TryGetValue(id, out var markers) ? markers : [])
            {
                if (!body.Contains(marker, StringComparison.Ordinal))
                {
                    missing.Enqueue($"message {marker} on ticket {id}");
                }
            }
        });
        return [.. missing];
    }

    /// <summary>Through the front ends that are up: a front end killed by the run is left out.</summary>
    private static async Task<(HttpStatusCode Status, string Body)> ReadAsync(FrontEnds api, Guid id, CancellationToken cancellationToken)
    {
        using var response = await api.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"api/v1/tickets/{id}"), cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }
}
