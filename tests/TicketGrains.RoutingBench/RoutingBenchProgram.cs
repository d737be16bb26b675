using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.Routing;
using TicketGrains.Grains.Rules;

namespace TicketGrains.RoutingBench;

/// <summary>
/// Routing decisions per second: the pure engine (one thread, then every core) over the built-in rules and over 50
/// tenant rules in front of them, then through a tenant's rules grain in a local silo as the ticket grain calls it.
/// usage: TicketGrains.RoutingBench [seconds per measurement, default 5]
/// </summary>
public static class RoutingBenchProgram
{
    public static async Task Main(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var duration = TimeSpan.FromSeconds(seconds);
        Console.WriteLine($"date {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; nproc {Environment.ProcessorCount}; {RuntimeInformation.OSDescription}; .NET {Environment.Version}");
        var tickets = RoutingSamples.Tickets(1024);
        foreach (var (name, rules) in new[] { ("built-in rules (6)", new TenantRuleSet([]).Routing), ("50 tenant rules + built-in", new TenantRuleSet(RoutingSamples.Rules(50)).Routing) })
        {
            var inputs = tickets.Select(t => RoutingInput.From(t, DateTimeOffset.UtcNow)).ToArray();
            Report($"engine, 1 thread, {name}", Measure(duration, 1, i => RoutingEngine.Route(rules, inputs[i & 1023])), duration);
            Report($"engine, {Environment.ProcessorCount} threads, {name}", Measure(duration, Environment.ProcessorCount, i => RoutingEngine.Route(rules, inputs[i & 1023])), duration);
        }

        using var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .UseOrleans(silo => silo.UseLocalhostClustering(siloPort: 21111, gatewayPort: 31111).UseInMemoryReminderService())
            .ConfigureServices(s => s.AddSingleton(TimeProvider.System).AddSingleton<IRuleStore, InMemoryRuleStore>())
            .Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var tenant = grains.GetGrain<ITenantRulesGrain>("bench");
        foreach (var rule in RoutingSamples.Rules(50))
        {
            await tenant.PutRuleAsync(rule.Id, rule.Document, "bench");
        }

        foreach (var inFlight in new[] { 1, 64 })
        {
            Report($"tenant rules grain, {inFlight} calls in flight, 50 tenant rules + built-in", await MeasureGrainAsync(duration, inFlight, tenant, tickets), duration);
        }

        await host.StopAsync();
    }

    private static long Measure(TimeSpan duration, int threads, Func<int, RoutingDecision> route)
    {
        var total = 0L;
        var stopwatch = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            var count = 0;
            while (stopwatch.Elapsed < duration)
            {
                for (var i = 0; i < 1000; i++)
                {
                    route(count++);
                }
            }

            Interlocked.Add(ref total, count);
        });
        return total;
    }

    private static async Task<long> MeasureGrainAsync(TimeSpan duration, int inFlight, ITenantRulesGrain tenant, CreateTicket[] tickets)
    {
        var total = 0L;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async worker =>
        {
            var i = worker;
            while (stopwatch.Elapsed < duration)
            {
                await tenant.RouteAsync(tickets[i++ & 1023]);
                Interlocked.Increment(ref total);
            }
        }));
        return total;
    }

    private static void Report(string what, long decisions, TimeSpan duration) =>
        Console.WriteLine($"| {what} | {decisions / duration.TotalSeconds:N0} decisions/s |");
}
