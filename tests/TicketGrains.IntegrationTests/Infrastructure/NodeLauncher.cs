namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>Starts the built silo and API as real processes, on free ports, against one test database and cluster id.</summary>
public static class NodeLauncher
{
    /// <summary>A silo; with hostApi it also serves the REST API (single-process mode). Extra settings are "--Key=value".</summary>
    public static TicketGrainsNode StartSilo(string name, TestDatabase database, string clusterId, bool hostApi, params string[] settings)
    {
        var (url, siloPort, gatewayPort) = (LocalUrl(), FreePorts.Next(), FreePorts.Next());
        var arguments = Common(url, database, clusterId).Concat(
        [
            $"--Orleans:SiloPort={siloPort}",
            $"--Orleans:GatewayPort={gatewayPort}",
            $"--Silo:HostApi={(hostApi ? "true" : "false")}",
        ]).Concat(settings);
        return new TicketGrainsNode(ProcessHost.StartDotnet(name, RepoLayout.SiloDll, arguments), new Uri(url), siloPort);
    }

    /// <summary>A stand-alone API front end: an Orleans client of the cluster's silos.</summary>
    public static TicketGrainsNode StartApi(string name, TestDatabase database, string clusterId, params string[] settings)
    {
        var url = LocalUrl();
        return new TicketGrainsNode(ProcessHost.StartDotnet(name, RepoLayout.ApiDll, Common(url, database, clusterId).Concat(settings)), new Uri(url), 0);
    }

    /// <summary>A cluster id nobody else uses.</summary>
    public static string NewClusterId() => "it-" + Guid.NewGuid().ToString("N")[..12];

    private static string LocalUrl() => $"http://127.0.0.1:{FreePorts.Next()}";

    private static string[] Common(string url, TestDatabase database, string clusterId) =>
    [
        "--urls", url,
        $"--ConnectionStrings:TicketGrains={database.ConnectionString}",
        $"--Orleans:ClusterId={clusterId}",
        // A line per request (ASP.NET Core) or per placement (Polly) would cost the load tests more CPU than the product.
        "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
        "--Logging:LogLevel:Polly=Warning",
        .. TestTokens.NodeSettings,
        .. TestEncryption.NodeSettings,
    ];
}
