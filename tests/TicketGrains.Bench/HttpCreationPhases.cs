namespace TicketGrains.Bench;

/// <summary>
/// The HTTP phases: a check that the server answers as expected, a warm-up, closed-loop runs per
/// concurrency level, then the open-loop run at half the best throughput. The same closed-loop levels run once more
/// against a silo with encryption at rest switched off, when one is given, to measure what encryption costs.
/// </summary>
public static class HttpCreationPhases
{
    /// <summary>Appended to the closed-loop phase name of the runs against the silo without encryption.</summary>
    public const string EncryptionOff = " (encryption off)";

    private const int WarmUpConcurrency = 32;

    /// <summary>Enough open-loop workers that a stall shows up as latency rather than as a sending backlog.</summary>
    private const int MinOpenLoopWorkers = 64;

    public static async Task RunAsync(BenchOptions options, Uri url, TimeSpan duration, BenchReport report)
    {
        await RunAsync(options, url, options.ServerPid, duration, report, phaseSuffix: "");
        if (options.ClearUrl is { } clearUrl)
        {
            await RunAsync(options, clearUrl, options.ClearServerPid, duration, report, EncryptionOff);
        }
    }

    private static async Task RunAsync(BenchOptions options, Uri url, int? serverPid, TimeSpan duration, BenchReport report, string phaseSuffix)
    {
        var maxConcurrency = options.Concurrency.Max();
        var openLoopWorkers = Math.Max(MinOpenLoopWorkers, maxConcurrency);
        using var client = new TicketCreateClient(url, options.Token!, openLoopWorkers, new TicketBodies(options.Customers));
        var problem = await ProbeAsync(client);
        if (problem is not null)
        {
            Console.WriteLine($"HTTP phases skipped: {problem}");
            report.NoteFailure($"HTTP phases skipped: {problem}");
            return;
        }

        // The warm-up also registers most of the customer pool, so measured runs hit existing customers.
        var warmUp = TimeSpan.FromSeconds(options.WarmUpSeconds);
        var (warm, warmErrors) = await new HttpCreateBench(client, warmUp, serverPid)
            .ClosedLoopAsync(Math.Min(WarmUpConcurrency, maxConcurrency), "http warm-up" + phaseSuffix);
        PhaseRecorder.Print(warm, warmErrors);
        if (warmErrors.Total > 0)
        {
            report.Note($"warm-up: {string.Join("; ", warmErrors.Describe())}");
        }

        var bench = new HttpCreateBench(client, duration, serverPid);
        foreach (var concurrency in options.Concurrency)
        {
            var (result, errors) = await bench.ClosedLoopAsync(concurrency, HttpCreateBench.ClosedLoopPhase + phaseSuffix);
            PhaseRecorder.Record(report, result, errors);
        }

        // The latency verdict is about the product as shipped (encryption on); the comparison needs throughput only.
        if (phaseSuffix.Length == 0 && report.Best(HttpCreateBench.ClosedLoopPhase) is { PerSecond: > 0 } best)
        {
            var (result, errors) = await bench.OpenLoopAsync(best.PerSecond / 2, openLoopWorkers);
            PhaseRecorder.Record(report, result, errors);
        }
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
