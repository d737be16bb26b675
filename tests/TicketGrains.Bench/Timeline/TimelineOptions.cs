using System.Globalization;

namespace TicketGrains.Bench.Timeline;

/// <summary>The command line of the timeline benches (<c>TicketGrains.Bench timeline ...</c> and <c>peak ...</c>).</summary>
public sealed class TimelineOptions
{
    public const string Usage = """
        usage: TicketGrains.Bench timeline|peak --url http://127.0.0.1:5091[,http://127.0.0.1:5092] --csv FILE
               [--rate 300 | --curve 0:50,60:50,120:1000] [--seconds 150] [--max-in-flight 1024] [--customers 2000]
               [--silos http://127.0.0.1:5101,...] [--shares-csv FILE] [--seed 11] [--verify true] [--summary FILE]
          timeline: ticket creates at a steady rate (or the curve); peak: the Double 11 mix on the curve (default: 25/s for
          20 s, then x20 in 60 s, then held). The token (TICKETGRAINS_TOKEN) must be an admin's of one tenant. Open loop:
          requests leave on schedule whatever the answers; --csv gets a row per second (offered, ok, failed, p50/p90/p99/max
          ms); --silos' /metrics are read every second into --shares-csv (creates and activations per silo); --verify reads
          every acknowledged ticket and message back after the run (exit code 1 when one is missing).
        """;

    public IReadOnlyList<Uri> Urls { get; private set; } = [];
    public string Token { get; private set; } = Environment.GetEnvironmentVariable("TICKETGRAINS_TOKEN") ?? "";
    public RateCurve? Curve { get; private set; }
    public int Seconds { get; private set; } = 150;
    public int MaxInFlight { get; private set; } = 1024;
    public int Customers { get; private set; } = 2000;
    public IReadOnlyList<Uri> Silos { get; private set; } = [];
    public string? Csv { get; private set; }
    public string? SharesCsv { get; private set; }
    public string? Summary { get; private set; }
    public int Seed { get; private set; } = 11;
    public bool Verify { get; private set; } = true;

    /// <summary>The options, or null after the problem with them was written to standard error.</summary>
    public static TimelineOptions? ParseOrExplain(IReadOnlyList<string> args)
    {
        try
        {
            return Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message);
            return null;
        }
    }

    public static TimelineOptions Parse(IReadOnlyList<string> args)
    {
        var options = new TimelineOptions();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (args[i] is "-h" or "--help" || i + 1 >= args.Count)
            {
                throw new ArgumentException(Usage);
            }

            var value = args[i + 1];
            switch (args[i])
            {
                case "--url": options.Urls = FrontEnds.ParseUrls(value); break;
                case "--rate": options.Curve = RateCurve.Constant(Positive(value)); break;
                case "--curve": options.Curve = RateCurve.Parse(value); break;
                case "--seconds": options.Seconds = Positive(value); break;
                case "--max-in-flight": options.MaxInFlight = Positive(value); break;
                case "--customers": options.Customers = Positive(value); break;
                case "--silos": options.Silos = FrontEnds.ParseUrls(value); break;
                case "--csv": options.Csv = value; break;
                case "--shares-csv": options.SharesCsv = value; break;
                case "--summary": options.Summary = value; break;
                case "--seed": options.Seed = Positive(value); break;
                case "--verify": options.Verify = bool.Parse(value); break;
                default: throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}");
            }
        }

        if (options.Urls.Count == 0 || options.Csv is null || options.Token.Length == 0)
        {
            throw new ArgumentException($"--url, --csv and a token (TICKETGRAINS_TOKEN) are required.\n{Usage}");
        }

        return options;
    }

    private static int Positive(string value) => int.Parse(value, CultureInfo.InvariantCulture) is var n and > 0
        ? n
        : throw new ArgumentException($"'{value}' is not a positive number.");
}
