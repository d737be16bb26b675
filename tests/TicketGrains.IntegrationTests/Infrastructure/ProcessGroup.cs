namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>The child processes of one test class: all killed at the end, all shown when a test fails.</summary>
public sealed class ProcessGroup : IDisposable
{
    private const int TailLines = 120;
    private readonly List<TicketGrainsNode> _nodes = [];
    private readonly Lock _gate = new();

    public TicketGrainsNode Add(TicketGrainsNode node)
    {
        lock (_gate)
        {
            _nodes.Add(node);
        }

        return node;
    }

    /// <summary>Runs a test body; when it fails, the processes' output goes to the test's output before the failure.</summary>
    public async Task DiagnoseAsync(ITestOutputHelper output, Func<Task> test)
    {
        try
        {
            await test();
        }
        catch
        {
            WriteTails(output);
            throw;
        }
    }

    /// <summary>Graceful stop of every process still running (kill -9 after the grace period).</summary>
    public async Task StopAllAsync(TimeSpan grace) => await Task.WhenAll(Snapshot().Select(n => n.Process.StopAsync(grace)));

    public void Dispose()
    {
        foreach (var node in Snapshot())
        {
            node.Dispose();
        }
    }

    /// <summary>Writes the last lines of every process, for a failed test.</summary>
    private void WriteTails(ITestOutputHelper output)
    {
        foreach (var node in Snapshot())
        {
            var state = node.Process.HasExited ? "exited" : "running";
            output.WriteLine($"----- last {TailLines} lines of {node.Name} (pid {node.Process.Id}, {state}) -----");
            output.WriteLine(node.Process.Tail(TailLines));
        }
    }

    private List<TicketGrainsNode> Snapshot()
    {
        lock (_gate)
        {
            return [.. _nodes];
        }
    }
}
