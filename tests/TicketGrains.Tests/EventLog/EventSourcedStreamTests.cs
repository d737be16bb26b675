using TicketGrains.Grains.Agents;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.OrderEvents;
using Xunit;

namespace TicketGrains.Tests.EventLog;

public sealed class EventSourcedStreamTests
{
    private const string Tenant = "shop";
    private const string Stream = "test/1";

    private readonly InMemoryEventLog _log = new(new InMemoryOrderTicketIndex());

    [Fact]
    public async Task A_snapshot_it_can_read_is_the_start_and_only_the_events_after_it_are_applied()
    {
        await AppendAsync("a", "b", "c");
        await _log.SaveSnapshotAsync(Tenant, Stream, 2, "a,b");

        var stream = NewStream();
        await stream.LoadAsync(json => ValueTask.FromResult<List<string>?>([.. json.Split(',')]));

        Assert.Equal(["a", "b", "c"], stream.State);
        Assert.Equal((3, 2), (stream.Version, stream.SnapshotVersion));
    }

    [Fact]
    public async Task A_snapshot_it_declines_is_ignored_and_the_whole_stream_is_applied()
    {
        await AppendAsync("a", "b", "c");
        await _log.SaveSnapshotAsync(Tenant, Stream, 2, "an older shape");

        var stream = NewStream();
        await stream.LoadAsync(_ => ValueTask.FromResult<List<string>?>(null));

        Assert.Equal(["a", "b", "c"], stream.State);
        Assert.Equal((3, 0), (stream.Version, stream.SnapshotVersion));
    }

    private EventSourcedStream<List<string>> NewStream() =>
        new(_log, Tenant, Stream, () => [], (state, e) => state.Add(((TicketRequeued)e).Agent));

    private async Task AppendAsync(params string[] agents)
    {
        var writer = NewStream();
        writer.AssumeEmpty();
        foreach (var agent in agents)
        {
            await writer.AppendAsync(new TicketRequeued(agent, "agent-offline", DateTimeOffset.UnixEpoch));
        }
    }
}
