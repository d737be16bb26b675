using TicketGrains.Abstractions.Errors;
using TicketGrains.Api.Tickets;
using Xunit;

namespace TicketGrains.Tests.Api;

public sealed class TicketIdsTests
{
    [Fact]
    public void Same_key_gives_the_same_id() => Assert.Equal(TicketIds.For("shop-1", "order-1001-create"), TicketIds.For("shop-1", "order-1001-create"));

    [Fact]
    public void Different_keys_give_different_ids() => Assert.NotEqual(TicketIds.For("shop-1", "key-a"), TicketIds.For("shop-1", "key-b"));

    [Fact]
    public void Same_key_in_different_tenants_gives_different_ids() =>
        Assert.NotEqual(TicketIds.For("shop-1", "order-1001-create"), TicketIds.For("shop-2", "order-1001-create"));

    [Fact]
    public void Key_of_printable_ascii_up_to_128_characters_is_accepted()
    {
        var longest = new string('k', TicketIds.MaxKeyLength);

        Assert.Equal(TicketIds.For("shop-1", longest), TicketIds.For("shop-1", longest));
        Assert.Equal(TicketIds.For("shop-1", "!~"), TicketIds.For("shop-1", "!~"));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("tab\tkey")]
    [InlineData("line\nbreak")]
    [InlineData("ключ")]
    [InlineData("caf\u00e9")]
    [InlineData("\u007f")]
    public void Key_with_characters_outside_printable_ascii_is_refused(string key)
    {
        var error = Assert.Throws<InvalidFieldException>(() => TicketIds.For("shop-1", key));

        Assert.Equal("Idempotency-Key", error.Field);
    }

    [Fact]
    public void Key_longer_than_128_is_refused()
    {
        var error = Assert.Throws<InvalidFieldException>(() => TicketIds.For("shop-1", new string('k', 129)));

        Assert.Equal("Idempotency-Key", error.Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_key_gives_a_fresh_version_7_id(string? key)
    {
        var first = TicketIds.For("shop-1", key);
        var second = TicketIds.For("shop-1", key);

        Assert.Equal((7, 7), (first.Version, second.Version));
        Assert.NotEqual(first, second);
    }
}
