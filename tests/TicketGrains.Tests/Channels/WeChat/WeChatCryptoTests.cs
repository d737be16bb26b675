using System.Security.Cryptography;
using TicketGrains.Api.Channels.WeChat;
using Xunit;

namespace TicketGrains.Tests.Channels.WeChat;

public sealed class WeChatCryptoTests
{
    private readonly WeChatCrypto _crypto = new(WeChatRequests.EncodingAesKey);

    [Theory]
    [InlineData("")]
    [InlineData("<xml><Content><![CDATA[你好]]></Content></xml>")]
    [InlineData("exactly twelve")]
    public void What_is_encrypted_decrypts_to_the_message_and_receiver(string message)
    {
        var plain = _crypto.Decrypt(_crypto.Encrypt(message, WeChatRequests.AppId));

        Assert.Equal(new WeChatPlaintext(message, WeChatRequests.AppId), plain);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(44)]
    public void The_plaintext_is_padded_to_whole_32_byte_blocks_with_at_least_one_byte(int messageLength)
    {
        // 16 random + 4 length + message + 18-byte AppID: 38 + n, padded to the next multiple of 32 (a full block when already one).
        var cipher = Convert.FromBase64String(_crypto.Encrypt(new string('a', messageLength), WeChatRequests.AppId, WeChatRequests.FixedRandom));

        Assert.Equal((38 + messageLength) / 32 * 32 + 32, cipher.Length);
    }

    [Fact]
    public void A_fixed_random_part_gives_the_same_ciphertext_and_a_fresh_one_does_not()
    {
        var first = _crypto.Encrypt("hello", WeChatRequests.AppId, WeChatRequests.FixedRandom);

        Assert.Equal(first, _crypto.Encrypt("hello", WeChatRequests.AppId, WeChatRequests.FixedRandom));
        Assert.NotEqual(first, _crypto.Encrypt("hello", WeChatRequests.AppId));
    }

    [Fact]
    public void Another_key_cannot_read_it()
    {
        var cipher = _crypto.Encrypt("hello", WeChatRequests.AppId, WeChatRequests.FixedRandom);
        var other = new WeChatCrypto("/E6GAgryLp9ka9RmepF2clFSODomPPeLbh8MgNJSTAY");

        Assert.ThrowsAny<CryptographicException>(() => other.Decrypt(cipher));
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("AAAA")]
    [InlineData("")]
    public void A_ciphertext_that_is_not_whole_blocks_is_refused(string cipher)
    {
        Assert.ThrowsAny<CryptographicException>(() => _crypto.Decrypt(cipher));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("A2ImmoKfrB6+TehoJcr/T4MWPfKJt9ZhNpoTjCvsI!Y")]
    public void An_encoding_aes_key_that_is_not_43_characters_of_base64_is_refused(string key)
    {
        Assert.Throws<ArgumentException>(() => new WeChatCrypto(key));
    }
}
