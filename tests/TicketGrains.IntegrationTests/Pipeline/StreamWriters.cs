using Npgsql;

namespace TicketGrains.IntegrationTests.Pipeline;

/// <summary>
/// Concurrent writers, each appending the next version of each of its own streams in one transaction at a time, as a
/// grain appends only after its previous append committed. Their transactions overlap, so positions are taken in one
/// order and committed in another.
/// </summary>
internal sealed class StreamWriters(NpgsqlDataSource source, int writers, int streamsPerWriter)
{
    private readonly int[] _versions = new int[writers];

    /// <summary>Each writer commits this many more transactions, all writers at once.</summary>
    public Task WriteAsync(int transactions) => Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
    {
        for (var i = 0; i < transactions; i++)
        {
            var version = ++_versions[w];
            await EventRows.CommitAsync(source, [.. Enumerable.Range(0, streamsPerWriter).Select(s => ($"ticket-w{w}-s{s}", version))]);
        }
    })));
}
