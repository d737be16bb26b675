using System.Globalization;
using System.Net;
using System.Text;

namespace TicketGrains.Bench.Timeline;

/// <summary>
/// Ticket creates at a steady rate from outside while an SRE adds, drains and kills silos (deploy/local/timeline-bench.sh
/// drives the cluster): per second what was offered, acknowledged and failed with the latency percentiles, and per silo
/// the creates it handled. Each create carries its own Idempotency-Key; every acknowledged one is read back after.
/// </summary>
public static class TimelineBench
{
    private const string IdField = "\"id\":\"";

    public static async Task<int> RunAsync(string[] args)
    {
        if (TimelineOptions.ParseOrExplain(args) is not { } options)
        {
            return 2;
        }

        using var api = new FrontEnds(options.Urls, options.Token, options.MaxInFlight);
        var bodies = new TicketBodies(options.Customers);
        var acks = new AckLedger();
        var run = Guid.NewGuid().ToString("N")[..8];
        var driver = new OpenLoopDriver(options.Curve ?? RateCurve.Constant(300), options.Seconds, options.MaxInFlight);
        var shares = new SiloShares(options.Silos);
        using var stop = new CancellationTokenSource();
        var sharing = options.Silos.Count > 0 ? shares.RunAsync(options.Seconds, stop.Token) : Task.CompletedTask;
        await driver.RunAsync((n, ct) => CreateAsync(api, bodies, acks, $"timeline-{run}-{n}", ct), CancellationToken.None);
        await stop.CancelAsync();
        await sharing.ContinueWith(_ => { }, TaskScheduler.Default);

        await File.WriteAllTextAsync(options.Csv!, SecondBuckets.Csv(driver.Buckets.Rows(), driver.StartUnixMs));
        if (options.SharesCsv is { } sharesCsv)
        {
            await File.WriteAllTextAsync(sharesCsv, shares.Csv());
        }

        var missing = options.Verify ? await acks.MissingAsync(api, CancellationToken.None) : [];
        var summary = Summary(driver.Buckets, acks, missing, options.Verify);
        Console.WriteLine(summary);
        if (options.Summary is { } path)
        {
            await File.WriteAllTextAsync(path, summary);
        }

        return missing.Count == 0 ? 0 : 1;
    }

    public static string Summary(SecondBuckets buckets, AckLedger acks, IReadOnlyList<string> missing, bool verified)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"ok {buckets.Ok}, failed {buckets.Failed}");
        foreach (var line in buckets.Errors.Describe())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {line}");
        }

        text.AppendLine(verified
            ? $"acknowledged tickets {acks.Tickets}, messages {acks.Messages}: missing afterwards {missing.Count}"
            : $"acknowledged tickets {acks.Tickets}, messages {acks.Messages}: not read back (--verify false)");
        foreach (var line in missing.Take(10))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  missing: {line}");
        }

        return text.ToString().TrimEnd();
    }

    private static async Task<Outcome> CreateAsync(FrontEnds api, TicketBodies bodies, AckLedger acks, string key, CancellationToken cancellationToken)
    {
        using var response = await api.SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/tickets") { Content = bodies.Next() };
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
            return request;
        }, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return Outcome.Fail(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), body);
        }

        acks.Ticket(IdOf(body));
        return Outcome.Success;
    }

    /// <summary>The "id" of a created resource, found without parsing the whole answer (the client shares the server's cores).</summary>
    public static Guid IdOf(string body)
    {
        var at = body.IndexOf(IdField, StringComparison.Ordinal) + IdField.Length;
        return Guid.Parse(body.AsSpan(at, 36));
    }
}
