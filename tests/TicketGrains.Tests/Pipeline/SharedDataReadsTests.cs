using TicketGrains.Grains.Pipeline;
using Xunit;

namespace TicketGrains.Tests.Pipeline;

public sealed class SharedDataReadsTests
{
    private readonly LogInMemory _log = LogInMemory.WithEvents(6);

    [Fact]
    public async Task Subscribers_choosing_overlapping_events_read_each_events_data_from_the_log_once()
    {
        var reads = new SharedDataReads(_log, new PipelineOptions().SharedDataChars);
        var headers = await reads.ReadHeadersAfterAsync(Checkpoint.Beginning, 10, default);

        var feed = await reads.ReadDataAsync([headers[0], headers[2], headers[3]], default);
        var meter = await reads.ReadDataAsync([headers[1], headers[2], headers[3]], default);
        var again = await reads.ReadDataAsync([headers[3], headers[0]], default);

        Assert.Equal([[1, 3, 4], [2]], _log.DataReads);
        Assert.Equal(["{\"position\":1}", "{\"position\":3}", "{\"position\":4}"], feed.Select(e => e.Data));
        Assert.Equal([2, 3, 4], meter.Select(e => e.Position));
        Assert.Equal(["{\"position\":4}", "{\"position\":1}"], again.Select(e => e.Data));
        Assert.All(feed.Concat(meter).Concat(again), e =>
        {
            var header = headers.Single(h => h.Position == e.Position);
            Assert.Equal((header.TransactionId, header.StreamId, header.Version), (e.TransactionId, e.StreamId, e.Version));
        });
    }

    [Fact]
    public async Task Past_its_bound_the_data_read_longest_ago_is_read_from_the_log_again()
    {
        // Each event's data is 14 characters: room for two.
        var reads = new SharedDataReads(_log, maxChars: 28);
        var headers = await reads.ReadHeadersAfterAsync(Checkpoint.Beginning, 10, default);

        await reads.ReadDataAsync([headers[0], headers[1], headers[2]], default);
        await reads.ReadDataAsync([headers[1], headers[2]], default);
        await reads.ReadDataAsync([headers[0]], default);

        Assert.Equal([[1, 2, 3], [1]], _log.DataReads);
    }

    [Fact]
    public async Task With_no_room_every_read_goes_to_the_log()
    {
        var reads = new SharedDataReads(_log, maxChars: 0);
        var headers = await reads.ReadHeadersAfterAsync(Checkpoint.Beginning, 10, default);

        await reads.ReadDataAsync([headers[0]], default);
        await reads.ReadDataAsync([headers[0]], default);

        Assert.Equal([[1], [1]], _log.DataReads);
    }
}
