using TicketGrains.Grains.Pipeline;
using Xunit;

namespace TicketGrains.Tests.Pipeline;

public sealed class PipelineOptionsTests
{
    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(new PipelineOptions().Problems("Pipeline"));

    [Fact]
    public void Each_wrong_value_is_named_by_its_key()
    {
        var options = new PipelineOptions
        {
            PollInterval = TimeSpan.FromMilliseconds(1),
            PageSize = 0,
            BackoffMax = TimeSpan.FromHours(2),
            KeeperInterval = TimeSpan.Zero,
            GatherInterval = TimeSpan.FromSeconds(2),
            SharedDataChars = -1,
        };

        Assert.Equal(
        [
            "Pipeline:PollInterval must be between 00:00:00.010 and 00:01:00, not 00:00:00.0010000.",
            "Pipeline:PageSize must be between 1 and 10000, not 0.",
            "Pipeline:BackoffMax must be at least Pipeline:PollInterval and at most 01:00:00, not 02:00:00.",
            "Pipeline:GatherInterval must be between 00:00:00 and 00:00:01, not 00:00:02.",
            "Pipeline:SharedDataChars must be between 0 (off) and 1000000000, not -1.",
            "Pipeline:KeeperInterval must be between 00:00:00.100 and 00:10:00, not 00:00:00.",
        ], options.Problems("Pipeline"));
    }

    [Fact]
    public void Retries_may_not_wait_less_than_a_poll() =>
        Assert.Equal(["Pipeline:BackoffMax must be at least Pipeline:PollInterval and at most 01:00:00, not 00:00:00.0500000."],
            new PipelineOptions { BackoffMax = TimeSpan.FromMilliseconds(50) }.Problems("Pipeline"));
}
