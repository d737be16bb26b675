namespace TicketGrains.Bench;

/// <summary>
/// The HTTP phases: a check that the server answers as expected, a warm-up, closed-loop runs per
/// concurrency level, then the open-loop run at half the best throughput. With a second silo that has
/// encryption at rest switched off, each closed-loop level runs against both in turn, so drift in the
/// shared machine's load hits both alike.
/// </summary>
public static class HttpCreationPhases
{
    /// <summary>Appended to the phase names of the runs against the silo without encryption.</summary>
    public const string EncryptionOff = " (encryption off)";

    private const int WarmUpConcurrency = 32;

    /// <summary>Enough open-loop workers that a stall shows up as latency rather than as a sending backlog.</summary>
    private const int MinOpenLoopWorkers = 64;

    public static async Task RunAsync(BenchOptions options, Uri url, TimeSpan duration, BenchReport report)
    {
        var maxConcurrency = options.Concurrency.Max();
        var openLoopWorkers = Math.Max(MinOpenLoopWorkers, maxConcurrency);
        var targets = new List<(Uri Url, int? Pid, string Suffix)> { (url, options.ServerPid, "") };
        if (options.ClearUrl is { } clearUrl)
        {
            targets.Add((clearUrl, options.ClearServerPid, EncryptionOff));
        }

        var clients = targets.Select(t => new TicketCreateClient(t.Url, options.Token!, openLoopWorkers, new TicketBodies(options.Customers))).ToList();
        try
        {
            var benches = new List<(HttpCreateBench Bench, string Suffix)>();
            for (var i = 0; i < targets.Count; i++)
            {
                if (await PrepareAsync(clients[i], options, targets[i].Pid, targets[i].Suffix, report) is not true)
                {
                    return;
                }

                benches.Add((new HttpCreateBench(clients[i], duration, targets[i].Pid), targets[i].Suffix));
            }

            await using var lag = options.ConnectionString is { } pg ? await PipelineLagSampler.StartAsync(pg) : null;
            var lagByLevel = new Dictionary<int, string>();
            foreach (var concurrency in options.Concurrency)
            {
                foreach (var (bench, suffix) in benches)
                {
                    lag?.TakeSummary("discarded");
                    var (result, errors) = await bench.ClosedLoopAsync(concurrency, HttpCreateBench.ClosedLoopPhase + suffix);
                    PhaseRecorder.Record(report, result, errors);
                    if (lag is not null && suffix.Length == 0)
                    {
                        lagByLevel[concurrency] = lag.TakeSummary($"{HttpCreateBench.ClosedLoopPhase}, concurrency {concurrency}");
                    }
                }
            }

            // The lag that matters is the one at the best create rate: that is where the pipeline is pushed hardest.
            var best = report.Phases.Where(p => p.Phase == HttpCreateBench.ClosedLoopPhase).MaxBy(p => p.PerSecond);
            if (best is not null && lagByLevel.Count > 0)
            {
                var level = lagByLevel.Keys.FirstOrDefault(c => best.Mode == $"{c} conc", lagByLevel.Keys.Max());
                report.PipelineLag.Add($"at the best create rate: {lagByLevel[level]}");
            }

            // The latency verdict is about the product as shipped (encryption on); the comparison needs throughput only.
            if (best is { PerSecond: > 0 })
            {
                var (result, errors) = await benches[0].Bench.OpenLoopAsync(best.PerSecond / 2, openLoopWorkers);
                PhaseRecorder.Record(report, result, errors);
            }
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    /// <summary>Probes the server and warms it up; false (noted in the report) when it does not answer as expected.</summary>
    private static async Task<bool> PrepareAsync(TicketCreateClient client, BenchOptions options, int? pid, string suffix, BenchReport report)
    {
        var problem = await ProbeAsync(client);
        if (problem is not null)
        {
            Console.WriteLine($"HTTP phases skipped: {problem}");
            report.NoteFailure($"HTTP phases skipped{suffix}: {problem}");
            return false;
        }

        // The warm-up also registers most of the customer pool, so measured runs hit existing customers.
        var (warm, warmErrors) = await new HttpCreateBench(client, TimeSpan.FromSeconds(options.WarmUpSeconds), pid)
            .ClosedLoopAsync(Math.Min(WarmUpConcurrency, options.Concurrency.Max()), "http warm-up" + suffix);
        PhaseRecorder.Print(warm, warmErrors);
        if (warmErrors.Total > 0)
        {
            report.Note($"warm-up{suffix}: {string.Join("; ", warmErrors.Describe())}");
        }

        return true;
    }

    private static async Task<string?> ProbeAsync(TicketCreateClient client)
    {
        try
        {
            return await client.ProbeAsync();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return e.Message;
        }
    }
}
