using TicketGrains.Grains.Webhooks;
using Xunit;

namespace TicketGrains.Tests.Webhooks;

public sealed class StandardWebhookSignerTests
{
    [Fact]
    public void The_signature_matches_the_standard_webhooks_specification_example()
    {
        // The example of the Standard Webhooks specification (github.com/standard-webhooks/standard-webhooks, spec/standard-webhooks.md).
        var key = StandardWebhookSigner.KeyOf("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            StandardWebhookSigner.Sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"));
    }

    [Fact]
    public void A_new_secret_is_prefixed_base64_of_32_random_bytes()
    {
        var secret = StandardWebhookSigner.NewSecret();
        Assert.StartsWith(StandardWebhookSigner.SecretPrefix, secret);
        Assert.Equal(32, StandardWebhookSigner.KeyOf(secret).Length);
        Assert.NotEqual(secret, StandardWebhookSigner.NewSecret());
    }
}
