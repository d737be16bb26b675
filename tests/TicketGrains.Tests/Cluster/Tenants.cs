namespace TicketGrains.Tests.Cluster;

/// <summary>A fresh tenant per test keeps tests from seeing each other's tickets and queues.</summary>
public static class Tenants
{
    public static string New() => "t" + Guid.NewGuid().ToString("N")[..12];
}
