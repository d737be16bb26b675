using TicketGrains.Api.Channels.Outbound;
using Xunit;

namespace TicketGrains.Tests.Channels.Outbound;

public sealed class ReplyOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_wait_from_five_seconds_to_two_hours()
    {
        var options = new ReplyOptions();

        Assert.Empty(options.Problems("ChannelReplies"));
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromHours(2), TimeSpan.FromHours(2)],
            new[] { 1, 7, 20 }.Select(options.RetryDelay));
    }

    [Fact]
    public void Each_value_out_of_range_is_named()
    {
        var options = new ReplyOptions
        {
            Attempts = 0,
            RetryDelays = [TimeSpan.FromSeconds(1), TimeSpan.Zero],
            PollInterval = TimeSpan.FromMinutes(5),
            Lease = TimeSpan.FromSeconds(1),
        };

        Assert.Equal(
        [
            "ChannelReplies:Attempts must be between 1 and 100, not 0.",
            "ChannelReplies:RetryDelays:1 must be between 00:00:00.010 and 1.00:00:00, not 00:00:00.",
            "ChannelReplies:PollInterval must be between 00:00:00.010 and 00:01:00, not 00:05:00.",
            "ChannelReplies:Lease must be between 00:00:05 and 01:00:00, not 00:00:01.",
        ], options.Problems("ChannelReplies"));
    }
}
