using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.WeCom;
using TicketGrains.Tests.Channels.WeChat;
using Xunit;
using static TicketGrains.Tests.Channels.WeChat.WeChatAdapterTests;

namespace TicketGrains.Tests.Channels.WeCom;

public sealed class WeComAdapterTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(WeChatPushes.CreateTime);
    private readonly WeComAdapter _adapter = new();

    [Fact]
    public void The_url_check_is_answered_with_the_decrypted_echostr()
    {
        var outcome = _adapter.Handle(WeComRequests.UrlCheck("1616140317555161061", At), WeComRequests.Settings);

        Assert.Equal(new InboundOutcome.Verified(InboundAnswer.Text("1616140317555161061")), outcome);
    }

    [Fact]
    public void A_url_check_with_a_wrong_signature_or_for_another_corp_is_refused()
    {
        var request = WeComRequests.UrlCheck("1616140317555161061", At);

        AssertRefused(_adapter.Handle(request.WithQuery("msg_signature", new string('a', 40)), WeComRequests.Settings), 401, "msg_signature");
        AssertRefused(_adapter.Handle(WeComRequests.UrlCheck("16161", At, corpId: "ww0000000000000000"), WeComRequests.Settings), 401, "echostr");
    }

    [Fact]
    public void Kf_msg_or_event_stores_nothing_and_asks_for_a_pull_with_its_token()
    {
        var accepted = Assert.IsType<InboundOutcome.Accepted>(_adapter.Handle(WeComRequests.Callback(WeComRequests.KfMsgOrEvent(), At), WeComRequests.Settings));

        Assert.Empty(accepted.Messages);
        Assert.Equal(InboundAnswer.Success, accepted.Answer);
        Assert.Equal([new PullSignal(WeComRequests.PullToken, WeComRequests.OpenKfId)], accepted.Pulls);
    }

    [Fact]
    public void A_signal_for_another_customer_service_account_of_the_corp_is_acknowledged_without_a_pull()
    {
        var accepted = Assert.IsType<InboundOutcome.Accepted>(
            _adapter.Handle(WeComRequests.Callback(WeComRequests.KfMsgOrEvent("wkOtherAccount000000000000000000"), At), WeComRequests.Settings));

        Assert.Equal((0, 0), (accepted.Messages.Count, accepted.Pulls.Count));
    }

    [Fact]
    public void Another_callback_event_is_acknowledged_and_nothing_is_pulled()
    {
        var xml = WeComRequests.KfMsgOrEvent().Replace("kf_msg_or_event", "kf_account_auth_change", StringComparison.Ordinal);

        var accepted = Assert.IsType<InboundOutcome.Accepted>(_adapter.Handle(WeComRequests.Callback(xml, At), WeComRequests.Settings));

        Assert.Equal((0, 0), (accepted.Messages.Count, accepted.Pulls.Count));
    }

    [Fact]
    public void A_callback_encrypted_for_another_corp_is_refused()
    {
        AssertRefused(_adapter.Handle(WeComRequests.Callback(WeComRequests.KfMsgOrEvent(), At, corpId: "ww0000000000000000"), WeComRequests.Settings), 401, "Encrypt");
    }

    [Fact]
    public void A_stale_callback_is_refused()
    {
        var request = WeComRequests.Callback(WeComRequests.KfMsgOrEvent(), At.AddMinutes(-10)) with { ReceivedAt = At };

        AssertRefused(_adapter.Handle(request, WeComRequests.Settings), 403, "timestamp");
    }

    [Fact]
    public void A_signal_without_its_token_is_refused_naming_it()
    {
        var xml = WeComRequests.KfMsgOrEvent().Replace($"<Token><![CDATA[{WeComRequests.PullToken}]]></Token>", "", StringComparison.Ordinal);

        AssertRefused(_adapter.Handle(WeComRequests.Callback(xml, At), WeComRequests.Settings), 400, "Token");
    }

    [Fact]
    public void A_malformed_decrypted_document_names_where_it_broke()
    {
        AssertRefused(_adapter.Handle(WeComRequests.Callback("<xml><MsgType>event</xml>", At), WeComRequests.Settings), 400, "MsgType");
    }
}
