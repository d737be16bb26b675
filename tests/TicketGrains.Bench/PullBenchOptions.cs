using System.Globalization;

namespace TicketGrains.Bench;

/// <summary>The command line of the agent pull bench (<c>TicketGrains.Bench pull ...</c>).</summary>
public sealed class PullBenchOptions
{
    public const string Usage = """
        usage: TicketGrains.Bench pull --url http://127.0.0.1:5481 [--agents 500] [--tenants 4] [--tickets 15000]
               [--think-ms 2000] [--warmup 10] [--seconds 30] [--trace-dir DIR]
          500 agents spread over the tenants, each serving the five queues a ticket can reach in its tenant (4 tenants: 20
          queues), pull, accept and solve a ticket, then think for a random time up to twice --think-ms. The silo must run
          with the development token issuer (Auth:DevIssuer=true): the bench takes an admin token per tenant from it.
          --trace-dir: write the send and receive time of each measured pull that handed a ticket to DIR/client.trace,
          joined with the silo's marks by `pull-trace-report` (the silo built with -p:PullTrace=true, see PullTrace).
        """;

    public Uri Url { get; private set; } = new("http://127.0.0.1:5481");
    public int Agents { get; private set; } = 500;
    public int Tenants { get; private set; } = 4;
    public int Tickets { get; private set; } = 15000;
    public int ThinkMs { get; private set; } = 2000;
    public int WarmUpSeconds { get; private set; } = 10;
    public int Seconds { get; private set; } = 30;
    public string? TraceDirectory { get; private set; }

    public static PullBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new PullBenchOptions();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (args[i] is "-h" or "--help" || i + 1 >= args.Count)
            {
                throw new ArgumentException(Usage);
            }

            var value = args[i + 1];
            switch (args[i])
            {
                case "--url": options.Url = new Uri(value); break;
                case "--agents": options.Agents = Positive(value); break;
                case "--tenants": options.Tenants = Positive(value); break;
                case "--tickets": options.Tickets = Positive(value); break;
                case "--think-ms": options.ThinkMs = Positive(value); break;
                case "--warmup": options.WarmUpSeconds = Positive(value); break;
                case "--seconds": options.Seconds = Positive(value); break;
                case "--trace-dir": options.TraceDirectory = value; break;
                default: throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}");
            }
        }

        return options;
    }

    private static int Positive(string value) => int.Parse(value, CultureInfo.InvariantCulture) is var n and > 0
        ? n
        : throw new ArgumentException($"'{value}' is not a positive number.");
}
