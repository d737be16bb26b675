using TicketGrains.Api.Security;
using Xunit;

namespace TicketGrains.Tests.Security;

public sealed class ApiKeySecretTests
{
    [Fact]
    public void A_generated_key_parses_back_and_matches_only_its_own_hash()
    {
        var (keyId, key, hash) = ApiKeySecret.Generate();
        var other = ApiKeySecret.Generate();

        Assert.True(ApiKeySecret.TryParse(key, out var parsedId, out var secret));
        Assert.Equal(keyId, parsedId);
        Assert.Equal($"tgk_{keyId}_{secret}", key);
        Assert.Equal(32, hash.Length);
        Assert.True(ApiKeySecret.Matches(secret, hash));
        Assert.False(ApiKeySecret.Matches(secret, other.SecretHash));
        Assert.DoesNotContain(Convert.ToHexString(hash), key, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tgk_")]
    [InlineData("tgk_0123456789abcdef_")]
    [InlineData("tgk_0123456789ABCDEF_secret")]
    [InlineData("tgk_0123_secret")]
    [InlineData("key_0123456789abcdef_secret")]
    public void Text_without_the_key_shape_is_refused(string presented) =>
        Assert.False(ApiKeySecret.TryParse(presented, out _, out _));
}
