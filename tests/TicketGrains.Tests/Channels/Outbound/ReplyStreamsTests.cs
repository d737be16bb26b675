using TicketGrains.Grains.Channels.Outbound;
using TicketGrains.Grains.EventLog;
using Xunit;

namespace TicketGrains.Tests.Channels.Outbound;

public sealed class ReplyStreamsTests
{
    [Fact]
    public void A_reply_stream_names_its_ticket_and_no_other_stream_does()
    {
        var (ticket, message) = (Guid.Parse("0193a1b2-0000-7000-8000-000000000042"), Guid.Parse("0193a1b2-0000-8000-8000-000000000007"));

        Assert.True(ReplyStreams.TryTicketId(ReplyStreams.For(ticket, message), out var found));
        Assert.Equal(ticket, found);
        Assert.All(new[] { StreamIds.Ticket(ticket), "inbound/x/y", $"reply/{ticket:D}", $"reply/not-a-guid-at-all-but-36-characters/{message:D}" },
            stream => Assert.False(ReplyStreams.TryTicketId(stream, out _)));
    }
}
