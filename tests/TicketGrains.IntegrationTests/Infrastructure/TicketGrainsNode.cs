namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>A running silo or API front end: its process, HTTP address and (for silos) Orleans silo port.</summary>
public sealed class TicketGrainsNode(ProcessHost process, Uri baseAddress, int siloPort) : IDisposable
{
    public ProcessHost Process { get; } = process;

    public Uri BaseAddress { get; } = baseAddress;

    /// <summary>The silo-to-silo port; 0 for an API front end.</summary>
    public int SiloPort { get; } = siloPort;

    public string Name => Process.Name;

    public void Dispose() => Process.Dispose();
}
