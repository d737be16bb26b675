using System.Text;
using TicketGrains.Api.Security;
using Xunit;

namespace TicketGrains.Tests.Security;

public sealed class WebhookSignatureTests
{
    // RFC 4231, test case 2.
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("Jefe");
    private static readonly byte[] Body = Encoding.ASCII.GetBytes("what do ya want for nothing?");
    private const string Expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    [Fact]
    public void Signature_is_the_rfc_4231_hmac_sha256_in_lower_case_hex() =>
        Assert.Equal(Expected, WebhookSignature.HmacSha256Hex(Key, Body));

    [Theory]
    [InlineData(Expected)]
    [InlineData("5BDCC146BF60754E6A042426089575C75A003F089D2739839DEC58B964EC3843")]
    public void The_right_signature_is_accepted_in_either_case(string presented) =>
        Assert.True(WebhookSignature.VerifyHmacSha256Hex(Key, Body, presented));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3842")]
    [InlineData("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec38")]
    [InlineData("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec384300")]
    [InlineData("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
    [InlineData("zzdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
    [InlineData("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec384")]
    public void A_wrong_truncated_padded_or_malformed_signature_is_refused(string? presented) =>
        Assert.False(WebhookSignature.VerifyHmacSha256Hex(Key, Body, presented));

    [Fact]
    public void A_changed_body_or_secret_no_longer_verifies()
    {
        Assert.False(WebhookSignature.VerifyHmacSha256Hex(Key, Encoding.ASCII.GetBytes("what do ya want for nothing!"), Expected));
        Assert.False(WebhookSignature.VerifyHmacSha256Hex(Encoding.ASCII.GetBytes("jefe"), Body, Expected));
    }

    [Fact]
    public void Base64_signatures_verify_the_same_digest()
    {
        var base64 = Convert.ToBase64String(Convert.FromHexString(Expected));

        Assert.True(WebhookSignature.VerifyHmacSha256Base64(Key, Body, base64));
        Assert.False(WebhookSignature.VerifyHmacSha256Base64(Key, Body, base64[..^4]));
        Assert.False(WebhookSignature.VerifyHmacSha256Base64(Key, Body, "not base64!"));
        Assert.False(WebhookSignature.VerifyHmacSha256Base64(Key, Body, null));
    }
}
