using System.Text.Json;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.WeChat;
using Xunit;
using static TicketGrains.Tests.Channels.WeChat.WeChatAdapterTests;

namespace TicketGrains.Tests.Channels.WeChat;

/// <summary>Safe mode: every push encrypted reads as its plaintext does; signature, AppID and mode are enforced.</summary>
public sealed class WeChatSafeModeTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(WeChatPushes.CreateTime);
    private readonly WeChatAdapter _adapter = new();

    public static TheoryData<string> Pushes() => [.. WeChatPushes.All.Keys];

    [Theory]
    [MemberData(nameof(Pushes))]
    public void An_encrypted_push_reads_exactly_as_its_plaintext(string name)
    {
        var plain = Single(_adapter.Handle(WeChatRequests.Plain(WeChatPushes.All[name], At), WeChatRequests.PlainSettings));
        var decrypted = Single(_adapter.Handle(WeChatRequests.Encrypted(WeChatPushes.All[name], At), WeChatRequests.SafeModeSettings));

        Assert.Equal(JsonSerializer.Serialize(plain), JsonSerializer.Serialize(decrypted));
    }

    [Fact]
    public void A_compatible_mode_push_reads_as_its_plaintext_with_the_key_and_without_it()
    {
        var plain = JsonSerializer.Serialize(Single(_adapter.Handle(WeChatRequests.Plain(WeChatPushes.Text, At), WeChatRequests.PlainSettings)));
        var request = WeChatRequests.Compatible(WeChatPushes.Text, At);

        Assert.Equal(plain, JsonSerializer.Serialize(Single(_adapter.Handle(request, WeChatRequests.PlainSettings))));
        Assert.Equal(plain, JsonSerializer.Serialize(Single(_adapter.Handle(request, WeChatRequests.SafeModeSettings))));
    }

    [Fact]
    public void A_wrong_msg_signature_is_refused()
    {
        var request = WeChatRequests.Encrypted(WeChatPushes.Text, At).WithQuery("msg_signature", new string('0', 40));

        AssertRefused(_adapter.Handle(request, WeChatRequests.SafeModeSettings), 401, "msg_signature");
    }

    [Fact]
    public void A_push_encrypted_with_the_key_for_another_appid_is_refused()
    {
        var request = WeChatRequests.Encrypted(WeChatPushes.Text, At, appId: "wx0000000000000000");

        AssertRefused(_adapter.Handle(request, WeChatRequests.SafeModeSettings), 401, "Encrypt");
    }

    [Fact]
    public void A_stale_encrypted_push_is_refused()
    {
        var request = WeChatRequests.Encrypted(WeChatPushes.Text, At.AddMinutes(-6)) with { ReceivedAt = At };

        AssertRefused(_adapter.Handle(request, WeChatRequests.SafeModeSettings), 403, "timestamp");
    }

    [Fact]
    public void A_plaintext_push_to_a_safe_mode_channel_is_refused()
    {
        AssertRefused(_adapter.Handle(WeChatRequests.Plain(WeChatPushes.Text, At), WeChatRequests.SafeModeSettings), 401, "encrypt_type");
    }

    [Fact]
    public void An_encrypted_push_to_a_channel_without_a_key_is_refused()
    {
        AssertRefused(_adapter.Handle(WeChatRequests.Encrypted(WeChatPushes.Text, At), WeChatRequests.PlainSettings), 400, "encrypt_type");
    }

    [Fact]
    public void An_envelope_without_encrypt_or_with_garbage_is_named()
    {
        var request = WeChatRequests.Encrypted(WeChatPushes.Text, At);
        var empty = request with { Body = "<xml><ToUserName>gh</ToUserName></xml>"u8.ToArray() };
        const string garbage = "not-base64!";
        var broken = request.WithQuery("msg_signature", Signatures.SortedSha1Hex(WeChatRequests.Token, request.Query["timestamp"], WeChatRequests.Nonce, garbage))
            with { Body = System.Text.Encoding.UTF8.GetBytes($"<xml><Encrypt>{garbage}</Encrypt></xml>") };

        AssertRefused(_adapter.Handle(empty, WeChatRequests.SafeModeSettings), 400, "Encrypt");
        AssertRefused(_adapter.Handle(broken, WeChatRequests.SafeModeSettings), 400, "Encrypt");
    }

    [Fact]
    public void A_safe_mode_url_check_is_answered_like_a_plaintext_one()
    {
        var outcome = _adapter.Handle(WeChatRequests.UrlCheck("5837", At), WeChatRequests.SafeModeSettings);

        Assert.Equal(new InboundOutcome.Verified(InboundAnswer.Text("5837")), outcome);
    }
}
