using System.Text;
using TicketGrains.Api.Channels.App;
using TicketGrains.Api.Channels.Inbound;
using Xunit;

namespace TicketGrains.Tests.Channels.App;

public sealed class AppChannelAdapterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 11, 8, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string> Settings = new() { ["secret"] = AppRequests.Secret };
    private readonly AppChannelAdapter _app = new(AppChannelAdapter.App);
    private readonly AppChannelAdapter _phone = new(AppChannelAdapter.Phone);

    [Fact]
    public void A_signed_text_message_is_accepted_and_normalised()
    {
        var body = AppRequests.Text("m-1", "u-42", "订单 20261111-42 没到", Now.AddSeconds(-3), threadId: "conv-7");

        var accepted = Assert.IsType<InboundOutcome.Accepted>(_app.Handle(Signed(body, Now), Settings));

        var message = Assert.Single(accepted.Messages);
        Assert.Equal(("m-1", "u-42", "text", "订单 20261111-42 没到", "conv-7", "李雷"),
            (message.PlatformMessageId, message.SenderId, message.Kind, message.Text, message.ThreadKey, message.SenderName));
        Assert.Equal(Now.AddSeconds(-3), message.SentAt);
        Assert.Empty(accepted.Pulls);
    }

    [Fact]
    public void A_phone_voice_note_names_the_caller_and_keeps_the_recognised_text()
    {
        var body = AppRequests.VoiceNote("call-9", "+8613800138000", "我要退货", Now);

        var accepted = Assert.IsType<InboundOutcome.Accepted>(_phone.Handle(Signed(body, Now), Settings));

        var message = Assert.Single(accepted.Messages);
        Assert.Equal(("+8613800138000", "voice", "我要退货", "rec-call-9", "amr"),
            (message.SenderId, message.Kind, message.Text, message.MediaId, message.MediaFormat));
    }

    [Fact]
    public void A_wrong_signature_is_refused_with_401_naming_the_signature_header()
    {
        var tampered = Signed(AppRequests.Text("m-1", "u-42", "hi", Now), Now) with { Body = Encoding.UTF8.GetBytes(AppRequests.Text("m-1", "u-42", "hi!", Now)) };

        var refused = Assert.IsType<InboundOutcome.Refused>(_app.Handle(tampered, Settings));

        Assert.Equal((401, AppChannelAdapter.SignatureHeader), (refused.Status, refused.Field));
    }

    [Fact]
    public void A_correctly_signed_but_stale_timestamp_is_refused_with_403()
    {
        var body = AppRequests.Text("m-1", "u-42", "hi", Now);

        var refused = Assert.IsType<InboundOutcome.Refused>(_app.Handle(Signed(body, Now - TimeSpan.FromMinutes(6), receivedAt: Now), Settings));

        Assert.Equal((403, AppChannelAdapter.TimestampHeader), (refused.Status, refused.Field));
    }

    [Fact]
    public void A_timestamp_just_inside_the_replay_window_is_accepted()
    {
        var body = AppRequests.Text("m-1", "u-42", "hi", Now);

        Assert.IsType<InboundOutcome.Accepted>(_app.Handle(Signed(body, Now - InboundLimits.ReplayWindow, receivedAt: Now), Settings));
    }

    [Theory]
    [InlineData("{\"messageId\":\"m-1\",\"userId\":\"u\",\"kind\":\"text\",\"text\":\"x\"}", "sentAt")]
    [InlineData("{\"userId\":\"u\",\"kind\":\"text\",\"text\":\"x\",\"sentAt\":\"2026-11-11T08:00:00Z\"}", "messageId")]
    [InlineData("{\"messageId\":\"m-1\",\"userId\":\"u\",\"kind\":\"sticker\",\"sentAt\":\"2026-11-11T08:00:00Z\"}", "kind")]
    [InlineData("{\"messageId\":\"m-1\",\"userId\":\"u\",\"kind\":\"text\",\"sentAt\":\"2026-11-11T08:00:00Z\",\"colour\":1}", "colour")]
    [InlineData("{\"messageId\":\"m-1\",\"userId\":\"u\",\"kind\":\"text\",\"text\":\"x\",\"sentAt\":\"yesterday\"}", "sentAt")]
    [InlineData("not json", "body")]
    public void A_signed_but_malformed_body_is_refused_with_400_naming_the_member(string body, string field)
    {
        var refused = Assert.IsType<InboundOutcome.Refused>(_app.Handle(Signed(body, Now), Settings));

        Assert.Equal((400, field), (refused.Status, refused.Field));
    }

    [Fact]
    public void A_phone_channel_refuses_a_caller_that_is_not_a_number_and_a_kind_that_is_not_voice()
    {
        var notANumber = AppRequests.VoiceNote("c-1", "alice", "hi", Now);
        var text = AppRequests.Text("c-2", "+8613800138000", "hi", Now);

        Assert.Equal("userId", Assert.IsType<InboundOutcome.Refused>(_phone.Handle(Signed(notANumber, Now), Settings)).Field);
        Assert.Equal("kind", Assert.IsType<InboundOutcome.Refused>(_phone.Handle(Signed(text, Now), Settings)).Field);
    }

    [Fact]
    public void The_signature_the_adapter_expects_is_the_documented_one()
    {
        var body = Encoding.UTF8.GetBytes("{\"a\":1}");

        Assert.Equal(AppRequests.Signature("k", "1700000000", "{\"a\":1}"), AppChannelAdapter.Sign("k", "1700000000", body));
    }

    private static InboundRequest Signed(string body, DateTimeOffset signedAt, DateTimeOffset? receivedAt = null)
    {
        var timestamp = AppRequests.Timestamp(signedAt);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [AppChannelAdapter.TimestampHeader] = timestamp,
            [AppChannelAdapter.SignatureHeader] = AppRequests.Signature(AppRequests.Secret, timestamp, body),
        };
        return new InboundRequest("POST", new Dictionary<string, string>(), headers, Encoding.UTF8.GetBytes(body), receivedAt ?? signedAt);
    }
}
