using System.Globalization;
using System.Runtime.InteropServices;

namespace TicketGrains.Bench;

/// <summary>
/// "sla" mode (deploy/local/sla-bench.sh): memory of SLA clocks per open ticket, in process, then timer accuracy against
/// a running silo. Options: --url, --pg (owner connection), --tenant (the token's), --tickets (100000), --measured-one-in (50), --concurrency (32),
/// --sweep-seconds (the silo's Sla:SweepPeriod, 60), --markdown (path). The token is TICKETGRAINS_TOKEN.
/// </summary>
public static class SlaBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        int Number(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var tickets = Number("tickets", 100_000);
        var lines = new List<string>
        {
            $"date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; machine: nproc {Environment.ProcessorCount}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}",
            $"command: `deploy/local/sla-bench.sh` (bench arguments: {string.Join(' ', args.Where(a => !a.Contains("Password", StringComparison.Ordinal)))})",
        };

        var memory = SlaMemoryBench.Run(tickets);
        lines.Add($"memory, {memory.Tickets} tickets in process with {memory.ClocksPerTicket:0.0} clocks each (six-metric business-hours plan; each state folded from its own deserialized event, equal plans shared by SlaPlanCache): " +
            $"{memory.BytesPerTicketState:0} B per whole ticket state (thread, fields, plan, clocks), {memory.BytesPerClockSet:0} B per clock set (plan and clocks)");
        Console.WriteLine(lines[^1]);

        if (options.TryGetValue("url", out var url) && options.TryGetValue("pg", out var pg))
        {
            var token = Environment.GetEnvironmentVariable("TICKETGRAINS_TOKEN") ?? throw new InvalidOperationException("TICKETGRAINS_TOKEN is not set.");
            var timers = await new SlaTimerBench(new Uri(url), options.GetValueOrDefault("tenant", "bench-sla"), token, pg).RunAsync(
                tickets, Number("measured-one-in", 50), Number("concurrency", 32), TimeSpan.FromSeconds(Number("sweep-seconds", 60)));
            lines.Add($"timers: {timers.Created} tickets created over HTTP in {timers.CreatePhase.TotalSeconds:0} s, {timers.Measured} of them due 150-240 s after creation " +
                $"(woken by the sweep), {timers.Breached} breached; fire time minus due time p50 {timers.P50Ms:0} ms, p99 {timers.P99Ms:0} ms, " +
                $"max {timers.MaxMs:0} ms; committed minus due p99 {timers.CommitP99Ms:0} ms");
            Console.WriteLine(lines[^1]);
            if (timers.Breached < timers.Measured)
            {
                Console.Error.WriteLine($"only {timers.Breached} of {timers.Measured} measured tickets breached before the deadline");
                return 1;
            }
        }

        if (options.TryGetValue("markdown", out var path))
        {
            await File.WriteAllLinesAsync(path, lines.Select(l => "- " + l));
        }

        return 0;
    }
}
