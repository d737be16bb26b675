namespace TicketGrains.Bench.Peak;

/// <summary>What one request of the Double 11 replay does.</summary>
public enum PeakOp
{
    CreateTicket,
    AddMessage,
    ReadTicket,
    ListTickets,
    AgentPull,
    OrderEvent,
    ChannelMessage,
}

/// <summary>
/// The replay's traffic mix, seeded: request n of a run with seed s is always the same operation on the same target
/// (a hash of s and n, not a shared random generator), so a run can be replayed request for request whatever the
/// order the requests end in. Shares are of all requests, as a shop's midnight looks: mostly new tickets and messages,
/// agents pulling and reading, order systems and channels pushing.
/// </summary>
public sealed class PeakMix(int seed)
{
    private static readonly (PeakOp Op, int Percent)[] Shares =
    [
        (PeakOp.CreateTicket, 30),
        (PeakOp.AddMessage, 20),
        (PeakOp.ReadTicket, 15),
        (PeakOp.ListTickets, 8),
        (PeakOp.AgentPull, 12),
        (PeakOp.OrderEvent, 8),
        (PeakOp.ChannelMessage, 7),
    ];

    public static IReadOnlyList<PeakOp> Ops { get; } = [.. Shares.Select(s => s.Op)];

    public PeakOp OpOf(long n)
    {
        var roll = (int)(Hash(n, 0) % 100);
        foreach (var (op, percent) in Shares)
        {
            if (roll < percent)
            {
                return op;
            }

            roll -= percent;
        }

        return PeakOp.CreateTicket;
    }

    /// <summary>A number below <paramref name="count"/> for request n (which seeded ticket, agent or customer it uses).</summary>
    public int Pick(long n, int count) => (int)(Hash(n, 1) % (ulong)count);

    /// <summary>SplitMix64 of the seed, the request and the purpose: well spread, cheap, the same on every run.</summary>
    private ulong Hash(long n, int purpose)
    {
        var z = unchecked(((ulong)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)n * 0xBF58476D1CE4E5B9UL) ^ ((ulong)purpose << 56));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
