using TicketGrains.Grains.Channels;
using TicketGrains.Grains.Customers.Linking;
using Xunit;

namespace TicketGrains.Tests.Customers;

public sealed class KeyExtractorTests
{
    private static IReadOnlyList<StrongKey> Keys(string text) => KeyExtractor.From(text, ThreadingRule.DefaultOrderPattern);

    [Theory]
    [InlineData("订单号 202611110000123456 还没发货", "202611110000123456")]
    [InlineData("Where is my order #20261111-42?", "20261111-42")]
    [InlineData("订单２０２６１１１１－４２怎么还没到", "20261111-42")]
    [InlineData("order no.202611110000123456, thanks", "202611110000123456")]
    public void Finds_order_numbers_in_Chinese_and_English(string text, string order)
    {
        Assert.Equal([StrongKey.Order(order)], Keys(text));
    }

    [Theory]
    [InlineData("我的手机13812345678", "13812345678")]
    [InlineData("call me on +86 138 1234 5678 please", "13812345678")]
    [InlineData("电话：138-1234-5678", "13812345678")]
    [InlineData("手机号１３８１２３４５６７８", "13812345678")]
    [InlineData("0086 13812345678", "13812345678")]
    [InlineData("座机 (021) 62345678", "02162345678")]
    [InlineData("landline 010-87654321", "01087654321")]
    [InlineData("UK: +44 20 7946 0958", "+442079460958")]
    public void Finds_phone_numbers_as_their_digits_without_Chinas_country_code(string text, string phone)
    {
        Assert.Equal([StrongKey.Phone(phone)], Keys(text));
    }

    [Theory]
    [InlineData("邮箱 Li.Lei@Example.COM 谢谢", "li.lei@example.com")]
    [InlineData("write to lilei＠example.com.", "lilei@example.com")]
    [InlineData("mail:wang_fang+shop@mail.example.cn", "wang_fang+shop@mail.example.cn")]
    public void Finds_email_addresses_lower_cased(string text, string email)
    {
        Assert.Equal([StrongKey.Email(email)], Keys(text));
    }

    [Fact]
    public void A_message_with_every_kind_gives_each_once()
    {
        var keys = Keys("订单 202611110000123456 / 202611110000123456，手机 13812345678，邮箱 a@b.cn，再说一遍 138 1234 5678");

        Assert.Equal([StrongKey.Email("a@b.cn"), StrongKey.Phone("13812345678"), StrongKey.Order("202611110000123456")], keys);
    }

    [Fact]
    public void The_digits_of_an_international_phone_number_are_not_an_order_number()
    {
        Assert.Equal([StrongKey.Phone("13812345678")], Keys("+8613812345678"));
    }

    [Fact]
    public void The_digits_of_an_email_address_are_not_a_phone_or_order_number()
    {
        Assert.Equal([StrongKey.Email("13812345678@qq.com")], Keys("QQ邮箱 13812345678@qq.com"));
    }

    [Theory]
    [InlineData("金额 1380 元，数量 12345678")]
    [InlineData("")]
    [InlineData("   ")]
    public void Tracking_codes_amounts_and_empty_text_give_no_key(string text)
    {
        Assert.Empty(Keys(text));
    }

    [Fact]
    public void A_mobile_inside_a_longer_digit_run_is_an_order_number_not_a_phone()
    {
        Assert.Equal([StrongKey.Order("1381234567890123")], Keys("订单1381234567890123"));
    }

    [Fact]
    public void A_channels_own_order_pattern_is_used()
    {
        Assert.Equal([StrongKey.Order("SO-778899")], KeyExtractor.From("so-778899 到了吗", "(?i)SO-[0-9]{6}"));
    }

    [Theory]
    [InlineData("email", " Li.Lei@Example.com ", "email", "li.lei@example.com")]
    [InlineData("phone", "+86 138 1234 5678", "phone", "13812345678")]
    public void E_mail_senders_and_callers_are_keys_by_themselves(string channel, string externalId, string kind, string value)
    {
        Assert.Equal([new StrongKey(kind, value)], KeyExtractor.OfIdentity(channel, externalId));
    }

    [Theory]
    [InlineData("wechat", "account:wechat:0193a0000000700080000000000000c1")]
    [InlineData("app", "account:app:0193a0000000700080000000000000c1")]
    [InlineData("email", null)]
    [InlineData("phone", null)]
    [InlineData("web", null)]
    public void A_platform_identity_is_an_account_on_its_channel_which_never_decides(string channel, string? kind)
    {
        var account = StrongKey.Account(channel, Guid.Parse("0193a000-0000-7000-8000-0000000000c1"), "sender-1");

        Assert.Equal(kind, account?.Kind);
        Assert.True(account is null || (KeyKinds.IsAccount(account.Kind) && !KeyKinds.Decides(account.Kind)));
    }

    [Theory]
    [InlineData("wechat", "o6_bmjrPTlm6_2sgVt7hMZOPfL2M")]
    [InlineData("phone", "12")]
    [InlineData("email", "not-an-address")]
    public void Other_identities_are_no_key(string channel, string externalId)
    {
        Assert.Empty(KeyExtractor.OfIdentity(channel, externalId));
    }
}
