using System.Security.Cryptography;

namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>The master key every node of the test run is started with: a fresh one per run, never a file on disk.</summary>
public static class TestEncryption
{
    public static string MasterKey { get; } = NewMasterKey();

    /// <summary>Settings for a node, as "--Key=value" arguments.</summary>
    public static string[] NodeSettings { get; } = [$"--Encryption:MasterKey={MasterKey}"];

    public static string NewMasterKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
