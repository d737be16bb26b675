namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>The health endpoints Kubernetes (and the tests) ask.</summary>
public static class Probes
{
    /// <summary>The process serves: never depends on the database.</summary>
    public const string Live = "/livez";

    /// <summary>The node may take traffic: joined the cluster and reaches PostgreSQL.</summary>
    public const string Ready = "/readyz";
}
