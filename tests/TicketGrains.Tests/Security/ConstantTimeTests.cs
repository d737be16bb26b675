using TicketGrains.Api.Security;
using Xunit;

namespace TicketGrains.Tests.Security;

public sealed class ConstantTimeTests
{
    [Theory]
    [InlineData("token-1", "token-1", true)]
    [InlineData("token-1", "token-2", false)]
    [InlineData("token-1", "token-10", false)]
    [InlineData("token-1", "TOKEN-1", false)]
    [InlineData("令牌", "令牌", true)]
    [InlineData("", "", true)]
    [InlineData("token-1", null, false)]
    [InlineData(null, "token-1", false)]
    [InlineData(null, null, false)]
    public void Texts_are_equal_only_when_both_are_given_and_identical(string? expected, string? presented, bool equal) =>
        Assert.Equal(equal, ConstantTime.TextEqual(expected, presented));

    [Fact]
    public void Bytes_differing_anywhere_or_in_length_are_not_equal()
    {
        byte[] digest = [1, 2, 3, 4];

        Assert.True(ConstantTime.BytesEqual(digest, [1, 2, 3, 4]));
        Assert.False(ConstantTime.BytesEqual(digest, [0, 2, 3, 4]));
        Assert.False(ConstantTime.BytesEqual(digest, [1, 2, 3, 5]));
        Assert.False(ConstantTime.BytesEqual(digest, [1, 2, 3]));
        Assert.False(ConstantTime.BytesEqual(digest, []));
    }

    [Fact]
    public void Hex_and_base64_forms_match_only_their_own_digest()
    {
        byte[] digest = [0xde, 0xad, 0xbe, 0xef];

        Assert.True(ConstantTime.HexEqual(digest, "deadbeef"));
        Assert.True(ConstantTime.HexEqual(digest, "DEADBEEF"));
        Assert.False(ConstantTime.HexEqual(digest, "deadbee"));
        Assert.False(ConstantTime.HexEqual(digest, "deadbeee"));
        Assert.False(ConstantTime.HexEqual(digest, ""));
        Assert.True(ConstantTime.Base64Equal(digest, "3q2+7w=="));
        Assert.False(ConstantTime.Base64Equal(digest, "3q2+7g=="));
        Assert.False(ConstantTime.Base64Equal(digest, "3q2+7w"));
    }
}
