using System.Globalization;

namespace TicketGrains.Bench;

/// <summary>The bench's command line. Without --pg the raw phases are skipped, without --url the HTTP ones.</summary>
public sealed class BenchOptions
{
    public const string Usage = """
        usage: TicketGrains.Bench --url http://127.0.0.1:5081 --token <bearer token> --pg "<npgsql connection string>"
               [--seconds 10] [--warmup 60] [--concurrency 8,32,64,128,256] [--customers 2000] [--markdown FILE]
               [--raw-connections 8,32,64] [--batch-sizes 100,500] [--server-pid PID] [--command-line TEXT]
               [--clear-url http://127.0.0.1:5082 --clear-server-pid PID]
          exit code 0 when every phase ran (whatever the verdicts), 1 when a phase could not run, 2 on bad arguments
          --token         a bearer token of tenant "bench-http" with tickets:write (bench.sh gets one from the dev issuer);
                          TICKETGRAINS_TOKEN is used when the option is not given
          --server-pid    the silo's process id, to split CPU use between bench, silo and the rest (PostgreSQL)
          --command-line  what the Markdown records as the command (bench.sh passes its own invocation)
          --clear-url     a second silo started with Encryption:Enabled=false: the closed-loop levels run again against it,
                          so one run shows what encryption at rest costs (--clear-server-pid: its process id)
        """;

    public Uri? Url { get; private set; }
    public string? ConnectionString { get; private set; }

    /// <summary>The bearer token sent with every HTTP request.</summary>
    public string? Token { get; private set; } = Environment.GetEnvironmentVariable("TICKETGRAINS_TOKEN");
    public int Seconds { get; private set; } = 10;

    /// <summary>
    /// Seconds of load before measuring. A fresh silo under load compiles its hot code at higher tiers for about a minute (dotnet-counters: JIT time near
    /// zero only after ~60 s); measuring sooner measures the compiler.
    /// </summary>
    public int WarmUpSeconds { get; private set; } = 60;
    public IReadOnlyList<int> Concurrency { get; private set; } = [8, 32, 64, 128, 256];
    public int Customers { get; private set; } = 2000;
    public string? MarkdownPath { get; private set; }
    public IReadOnlyList<int> RawConnections { get; private set; } = [8, 32, 64];
    public IReadOnlyList<int> BatchSizes { get; private set; } = [100, 500];
    public int? ServerPid { get; private set; }

    /// <summary>A silo with encryption at rest switched off, measured after the main one for comparison.</summary>
    public Uri? ClearUrl { get; private set; }
    public int? ClearServerPid { get; private set; }
    public string? CommandLine { get; private set; }

    /// <summary>Parses the arguments, or explains what is wrong with them.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                throw new ArgumentException(Usage);
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            options.Set(name, args[++i]);
        }

        if (options.Url is null && options.ConnectionString is null)
        {
            throw new ArgumentException("Give --url, --pg or both.");
        }

        if (options.Url is not null && string.IsNullOrWhiteSpace(options.Token))
        {
            throw new ArgumentException("--url needs --token (or TICKETGRAINS_TOKEN): the API refuses requests without credentials.");
        }

        return options;
    }

    private void Set(string name, string value)
    {
        switch (name)
        {
            case "--url": Url = new Uri(value.TrimEnd('/') + "/", UriKind.Absolute); break;
            case "--clear-url": ClearUrl = new Uri(value.TrimEnd('/') + "/", UriKind.Absolute); break;
            case "--clear-server-pid": ClearServerPid = Positive(name, value); break;
            case "--pg": ConnectionString = value; break;
            case "--token": Token = value; break;
            case "--seconds": Seconds = Positive(name, value); break;
            case "--warmup": WarmUpSeconds = Positive(name, value); break;
            case "--concurrency": Concurrency = PositiveList(name, value); break;
            case "--customers": Customers = Positive(name, value); break;
            case "--markdown": MarkdownPath = value; break;
            case "--raw-connections": RawConnections = PositiveList(name, value); break;
            case "--batch-sizes": BatchSizes = PositiveList(name, value); break;
            case "--server-pid": ServerPid = Positive(name, value); break;
            case "--command-line": CommandLine = value; break;
            default: throw new ArgumentException($"Unknown option {name}.");
        }
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive whole number, not '{value}'.");

    private static int[] PositiveList(string name, string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => Positive(name, part)).ToArray() is { Length: > 0 } list
            ? list
            : throw new ArgumentException($"{name} needs at least one value.");
}
