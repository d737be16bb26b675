using System.Diagnostics;
using System.Globalization;
using TicketGrains.Grains.Agents;

namespace TicketGrains.Bench;

/// <summary>
/// Where slow pulls waited: joins the bench's send and receive times (<see cref="ClientFile"/>) with the silo's marks
/// (<see cref="SiloFile"/>, written by <see cref="PullTrace"/> when the silo stops) and prints, for the fastest half of
/// the pulls and for those over 10 and 25 ms, the mean of each step between two marks and its share of the pull.
/// Both processes stamp with the same monotonic clock, so steps across the HTTP hop are exact.
/// </summary>
public static class PullTraceReport
{
    public const string Header = PullTrace.Header;
    public const string ClientFile = "client.trace";
    public const string SiloFile = "silo.trace";

    /// <summary>The marks in the order a pull passes them; a step is the time from one to the next.</summary>
    private static readonly (string From, string To, string Meaning)[] Steps =
    [
        ("client-send", "api-in", "HTTP in: the bench's send to the pull handler (Kestrel, auth, filters)"),
        ("api-in", "agent-in", "grain call to the agent grain"),
        ("agent-in", "claim-call", "agent grain: room check and queue take"),
        ("claim-call", "ticket-in", "grain call to the ticket grain"),
        ("ticket-in", "ticket-append", "ticket grain: load (if not active) and decide"),
        ("ticket-append", "append-enq", "event sealed and queued for the writer"),
        ("append-enq", "batch-start", "wait for a writer loop"),
        ("batch-start", "batch-done", "the batch's statement and commit (PostgreSQL round trip)"),
        ("batch-done", "ticket-appended", "commit answered back in the ticket grain"),
        ("ticket-appended", "ticket-out", "ticket grain: side effects after the append"),
        ("ticket-out", "claim-back", "answer back to the agent grain"),
        ("claim-back", "api-back", "answer back to the pull handler"),
        ("api-back", "api-settled", "wait for the pull's audit entry"),
        ("api-settled", "client-recv", "HTTP out: response written and read by the bench"),
    ];

    public static int Run(string directory)
    {
        var pulls = Load(directory);
        var complete = pulls.Values.Where(p => p.ContainsKey("client-send") && p.ContainsKey("client-recv")).ToList();
        if (complete.Count == 0)
        {
            Console.Error.WriteLine($"no pull in {directory} has both the bench's and the silo's marks (was the silo built with -p:PullTrace=true?)");
            return 1;
        }

        complete.Sort((a, b) => Total(a).CompareTo(Total(b)));
        Console.WriteLine($"pull trace: {complete.Count} pulls with marks from both processes");
        Print("fastest half", complete.Take(complete.Count / 2).ToList());
        Print("over 10 ms", complete.Where(p => Total(p) > 10).ToList());
        Print("over 25 ms", complete.Where(p => Total(p) > 25).ToList());
        return 0;
    }

    private static Dictionary<long, Dictionary<string, (long At, int Detail)>> Load(string directory)
    {
        var pulls = new Dictionary<long, Dictionary<string, (long, int)>>();
        foreach (var file in new[] { ClientFile, SiloFile })
        {
            foreach (var line in File.ReadLines(Path.Combine(directory, file)))
            {
                var parts = line.Split(' ');
                var id = long.Parse(parts[0], CultureInfo.InvariantCulture);
                if (!pulls.TryGetValue(id, out var marks))
                {
                    pulls[id] = marks = [];
                }

                // A pull may pass a mark more than once (a claim that failed, then another ticket): the first counts.
                marks.TryAdd(parts[1], (long.Parse(parts[2], CultureInfo.InvariantCulture), int.Parse(parts[3], CultureInfo.InvariantCulture)));
            }
        }

        return pulls;
    }

    private static double Total(Dictionary<string, (long At, int Detail)> pull) => Ms(pull["client-send"].At, pull["client-recv"].At);

    private static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    private static void Print(string label, List<Dictionary<string, (long At, int Detail)>> pulls)
    {
        if (pulls.Count == 0)
        {
            Console.WriteLine($"{label}: no pulls");
            return;
        }

        var meanTotal = pulls.Average(Total);
        var active = pulls.Count(p => p.TryGetValue("ticket-in", out var m) && m.Detail == 1);
        var batches = pulls.Where(p => p.ContainsKey("batch-start")).Select(p => p["batch-start"].Detail).DefaultIfEmpty().Average();
        Console.WriteLine($"{label}: {pulls.Count} pulls, mean {meanTotal:0.00} ms; ticket already active in {active}; mean events per batch {batches:0.00}");
        Console.WriteLine("  mean ms | p50 ms | p90 ms | share of the mean | step");
        foreach (var (from, to, meaning) in Steps)
        {
            var times = pulls.Where(p => p.ContainsKey(from) && p.ContainsKey(to)).Select(p => Ms(p[from].At, p[to].At)).Order().ToList();
            if (times.Count == 0)
            {
                continue;
            }

            var mean = times.Average();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {mean,7:0.00} | {times[times.Count / 2],6:0.00} | {times[(int)(times.Count * 0.9)],6:0.00} | {100 * mean / meanTotal,5:0.0} % | {meaning}"));
        }
    }
}
