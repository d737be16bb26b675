using TicketGrains.Grains.EventLog;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.EventLog;

/// <summary>Loading an activation reads its snapshot and the events after it in one statement.</summary>
public sealed class SnapshotReadTests : MigratedDatabaseTest
{
    [Fact]
    public async Task The_snapshot_comes_with_exactly_the_events_after_it_and_without_one_the_whole_stream()
    {
        await using var writer = await WriterUnderTest.StartAsync(Database);
        var log = writer.Log;
        var ticket = Guid.NewGuid();
        var first = Appends.Ticket("v1", ticket);
        for (var version = 1; version <= 4; version++)
        {
            await log.AppendAsync(first with { Version = version, Json = $$"""{"note": "v{{version}}"}""" });
        }

        var whole = await log.ReadFromSnapshotAsync(first.TenantId, first.StreamId);
        Assert.Null(whole.Snapshot);
        Assert.Equal([1, 2, 3, 4], whole.Events.Select(e => e.Version));

        await log.SaveSnapshotAsync(first.TenantId, first.StreamId, 2, """{"state": "at 2"}""");
        var (snapshot, events) = await log.ReadFromSnapshotAsync(first.TenantId, first.StreamId);

        Assert.Equal((2, """{"state": "at 2"}"""), snapshot);
        Assert.Equal([3, 4], events.Select(e => e.Version));
        Assert.Equal(["""{"note": "v3"}""", """{"note": "v4"}"""], events.Select(e => e.Json));
        Assert.All(events, e => Assert.Equal("TicketCreated", e.EventType));

        var unknown = await log.ReadFromSnapshotAsync(first.TenantId, StreamIds.Ticket(Guid.NewGuid()));
        Assert.Null(unknown.Snapshot);
        Assert.Empty(unknown.Events);
    }
}
