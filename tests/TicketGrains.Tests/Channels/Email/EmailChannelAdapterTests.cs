using TicketGrains.Api.Channels.Email;
using TicketGrains.Api.Channels.Inbound;
using Xunit;

namespace TicketGrains.Tests.Channels.Email;

public sealed class EmailChannelAdapterTests
{
    [Fact]
    public void An_HTTP_push_to_an_email_channel_is_refused_since_mail_comes_by_SMTP()
    {
        var adapter = new EmailChannelAdapter();
        var request = new InboundRequest("POST", new Dictionary<string, string>(), new Dictionary<string, string>(), "{}"u8.ToArray(), DateTimeOffset.UnixEpoch);

        var outcome = adapter.Handle(request, new Dictionary<string, string> { ["address"] = "support@shop.example" });

        Assert.Equal("email", adapter.Type);
        Assert.Equal(["address"], adapter.RequiredSettings);
        Assert.Equal(405, Assert.IsType<InboundOutcome.Refused>(outcome).Status);
    }

    [Fact]
    public void Wrong_listener_settings_are_named_with_their_key()
    {
        var options = new EmailChannelOptions { SmtpPort = 70000, ListenAddress = "localhost", MaxMessageBytes = 10, SendTimeout = TimeSpan.Zero };

        Assert.Equal(
        [
            "Channels:Email:SmtpPort must be from 1 to 65535, not 70000.",
            "Channels:Email:ListenAddress must be an IP address, not 'localhost'.",
            "Channels:Email:MaxMessageBytes must be from 1024 to 104857600, not 10.",
            "Channels:Email:SendTimeout must be a positive time span, not 00:00:00.",
        ], options.Problems(EmailChannelOptions.Section));
    }
}
