using TicketGrains.Abstractions.Contracts;
using Xunit;

namespace TicketGrains.Tests.Live;

public sealed class LogKeyTests
{
    [Theory]
    [InlineData(0UL, 0L, "0-0")]
    [InlineData(742UL, 19L, "742-19")]
    [InlineData(ulong.MaxValue, long.MaxValue, "18446744073709551615-9223372036854775807")]
    public void A_key_reads_back_from_its_text(ulong transaction, long position, string text)
    {
        var key = new LogKey(transaction, position);

        Assert.Equal(text, key.ToString());
        Assert.True(LogKey.TryParse(text, out var read));
        Assert.Equal(key, read);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("12-")]
    [InlineData("-12")]
    [InlineData("1-2-3")]
    [InlineData("01-2")]
    [InlineData("1-02")]
    [InlineData(" 1-2")]
    [InlineData("1-2 ")]
    [InlineData("+1-2")]
    [InlineData("a-b")]
    [InlineData("１-２")]
    [InlineData("18446744073709551616-1")]
    [InlineData("1-9223372036854775808")]
    [InlineData("0fcb6d2c-8b51-4b0c-9a5e-2f7f0c1a0b9e:1")]
    public void Anything_else_is_not_a_key(string? text) => Assert.False(LogKey.TryParse(text, out _));

    [Fact]
    public void Keys_order_by_transaction_then_position()
    {
        var keys = new[] { new LogKey(9, 1), new LogKey(3, 50), new LogKey(3, 7), LogKey.Start };

        Assert.Equal([LogKey.Start, new LogKey(3, 7), new LogKey(3, 50), new LogKey(9, 1)], keys.Order());
        Assert.True(new LogKey(3, 50) < new LogKey(9, 1));
        Assert.True(new LogKey(3, 50) > new LogKey(3, 7));
    }
}
