namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>Starts the built silo and API as real processes, on free ports, against one test database and cluster id.</summary>
public static class NodeLauncher
{
    /// <summary>A silo; with hostApi it also serves the REST API (single-process mode). Extra settings are "--Key=value".</summary>
    public static TicketGrainsNode StartSilo(string name, TestDatabase database, string clusterId, bool hostApi, params string[] settings)
    {
        var url = LocalUrl("http");
        return Silo(name, database, clusterId, hostApi, url, url, settings);
    }

    /// <summary>A silo with the API co-hosted, serving HTTPS with the certificate beside plain HTTP; returns the HTTPS address too.</summary>
    public static (TicketGrainsNode Node, Uri Https) StartHttpsSilo(string name, TestDatabase database, string clusterId, TestCertificate certificate)
    {
        var (http, https) = (LocalUrl("http"), LocalUrl("https"));
        var node = Silo(name, database, clusterId, hostApi: true, http, $"{http};{https}",
            [$"--Kestrel:Certificates:Default:Path={certificate.Path}", $"--Kestrel:Certificates:Default:Password={certificate.Password}"]);
        return (node, new Uri(https));
    }

    /// <summary>A stand-alone API front end: an Orleans client of the cluster's silos.</summary>
    public static TicketGrainsNode StartApi(string name, TestDatabase database, string clusterId, params string[] settings)
    {
        var url = LocalUrl("http");
        return new TicketGrainsNode(ProcessHost.StartDotnet(name, RepoLayout.ApiDll, Common(url, database, clusterId).Concat(settings)), new Uri(url), 0);
    }

    /// <summary>A cluster id nobody else uses.</summary>
    public static string NewClusterId() => "it-" + Guid.NewGuid().ToString("N")[..12];

    private static TicketGrainsNode Silo(string name, TestDatabase database, string clusterId, bool hostApi, string url, string urls, string[] settings)
    {
        var (siloPort, gatewayPort) = (FreePorts.Next(), FreePorts.Next());
        var arguments = Common(urls, database, clusterId).Concat(
        [
            $"--Orleans:SiloPort={siloPort}",
            $"--Orleans:GatewayPort={gatewayPort}",
            $"--Silo:HostApi={(hostApi ? "true" : "false")}",
            // The dashboard adds about a second of CPU to a silo's start (docs/benchmarks.md), and a run starts dozens;
            // the tests that use it start their silo as shipped (ApiClusterFixture, DashboardSwitchTests). Later
            // settings win, so a test's own setting overrides this.
            "--Orleans:Dashboard=false",
        ]).Concat(settings);
        return new TicketGrainsNode(ProcessHost.StartDotnet(name, RepoLayout.SiloDll, arguments), new Uri(url), siloPort);
    }

    private static string LocalUrl(string scheme) => $"{scheme}://127.0.0.1:{FreePorts.Next()}";

    private static string[] Common(string urls, TestDatabase database, string clusterId) =>
    [
        "--urls", urls,
        $"--ConnectionStrings:TicketGrains={database.ConnectionString}",
        $"--Orleans:ClusterId={clusterId}",
        // A line per request (ASP.NET Core) or per placement (Polly) would cost the load tests more CPU than the product.
        "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
        "--Logging:LogLevel:Polly=Warning",
        .. TestTokens.NodeSettings,
        // Orleans traffic is TLS in every test cluster, as in run.sh and cluster.sh.
        .. TestCertificates.NodeSettings(TestCertificates.Cluster),
        .. TestEncryption.NodeSettings,
        // The category model test.sh builds (deploy/local/intent-model.sh), loaded at a silo's first inbound message or
        // classify call rather than at its start: most tests never classify, and dozens of silos start in a run.
        $"--Intents:ModelPath={IntentModelPath}",
        "--Intents:LoadAtStart=false",
    ];

    private static string IntentModelPath =>
        Environment.GetEnvironmentVariable("Intents__ModelPath") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepoLayout.Root, ".data", "intents", "intent-model.zip");
}
