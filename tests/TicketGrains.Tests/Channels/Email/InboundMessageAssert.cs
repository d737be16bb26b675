using TicketGrains.Api.Channels.Inbound;
using Xunit;

namespace TicketGrains.Tests.Channels.Email;

/// <summary>Exact equality of two inbound messages, lists and attachment bytes included (the record compares those by reference).</summary>
internal static class InboundMessageAssert
{
    public static void Equal(InboundMessage expected, InboundMessage actual)
    {
        Assert.Equal(expected with { InReplyTo = [], Attachments = [] }, actual with { InReplyTo = [], Attachments = [] });
        Assert.Equal(expected.InReplyTo, actual.InReplyTo);
        Assert.Equal(expected.Attachments.Count, actual.Attachments.Count);
        foreach (var (want, got) in expected.Attachments.Zip(actual.Attachments))
        {
            Assert.Equal((want.FileName, want.ContentType), (got.FileName, got.ContentType));
            Assert.Equal(want.Content, got.Content);
        }
    }
}
