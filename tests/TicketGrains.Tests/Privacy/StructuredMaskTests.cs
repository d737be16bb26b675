using TicketGrains.Api.Privacy;
using Xunit;

namespace TicketGrains.Tests.Privacy;

public sealed class StructuredMaskTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("138 1234 5678", "138 **** 5678")]
    [InlineData("138-1234-5678", "138-****-5678")]
    [InlineData("+86 138 1234 5678", "+86 138 **** 5678")]
    [InlineData("+8613812345678", "+86138****5678")]
    [InlineData("008613812345678", "0086138****5678")]
    [InlineData("010-12345678", "010-****5678")]
    [InlineData("0571-88886666", "057*-****6666")]
    [InlineData("(021) 6432 1234", "(021) **** 1234")]
    [InlineData("+1 415-555-2671", "+1 415-***-2671")]
    [InlineData("+44 20 7946 0958", "+44 20 7*** 0958")]
    [InlineData("+14155552671", "+141****2671")]
    [InlineData("95588", "***88")]
    [InlineData(" 13812345678 ", "138****5678")]
    public void Phone_numbers_keep_the_country_code_and_the_first_3_and_last_4_digits(string phone, string masked) =>
        Assert.Equal(masked, PhoneMask.Mask(phone));

    [Theory]
    [InlineData("zhang.san@example.com", "z***@example.com")]
    [InlineData("a@b.cn", "a***@b.cn")]
    [InlineData("张三@例子.中国", "张***@例子.中国")]
    [InlineData("not-an-address", "n***")]
    [InlineData("", "")]
    public void E_mail_addresses_keep_the_first_character_and_the_domain(string email, string masked) =>
        Assert.Equal(masked, EmailMask.Mask(email));

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧*")]
    [InlineData("Li Lei", "L*")]
    [InlineData("𠀋小明", "𠀋*")]
    [InlineData("  ", "")]
    public void Names_keep_their_first_character_and_one_star(string name, string masked) =>
        Assert.Equal(masked, NameMask.Mask(name));

    [Theory]
    [InlineData("110101199003071234", "110***********1234")]
    [InlineData("11010119900307123X", "110***********123X")]
    [InlineData("110101900307123", "110********7123")]
    public void Identity_card_numbers_keep_the_first_3_and_last_4(string number, string masked) =>
        Assert.Equal(masked, IdCardMask.Mask(number));

    [Theory]
    [InlineData("6222021234567890", "************7890")]
    [InlineData("6222 0212 3456 7890", "**** **** **** 7890")]
    [InlineData("4111-1111-1111-1111", "****-****-****-1111")]
    [InlineData("6217000010001234567", "***************4567")]
    public void Card_numbers_keep_only_the_last_4(string number, string masked) =>
        Assert.Equal(masked, BankCardMask.Mask(number));
}
