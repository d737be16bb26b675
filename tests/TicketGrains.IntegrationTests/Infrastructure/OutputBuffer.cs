namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>The last lines a child process wrote, kept so a failing test can show them.</summary>
public sealed class OutputBuffer(int capacity)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(string line)
    {
        lock (_gate)
        {
            _lines.Enqueue(line);
            if (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    /// <summary>Every line kept, oldest first.</summary>
    public IReadOnlyList<string> Lines()
    {
        lock (_gate)
        {
            return [.. _lines];
        }
    }

    public string Tail(int count)
    {
        lock (_gate)
        {
            return string.Join('\n', _lines.Skip(Math.Max(0, _lines.Count - count)));
        }
    }
}
