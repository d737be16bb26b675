using TicketGrains.Api.Tickets;
using Xunit;

namespace TicketGrains.Tests.Api;

public sealed class CustomerValidatorTests
{
    [Fact]
    public void Customer_without_a_channel_takes_the_ticket_channel()
    {
        var reference = CustomerValidator.Validate(Requests.Customer, "douyin", new FieldErrors());

        Assert.NotNull(reference);
        Assert.Equal(("douyin", "wx-42", "+86 138-0000-0000", "li@example.com"), (reference.Channel, reference.ExternalId, reference.Phone, reference.Email));
    }

    [Fact]
    public void Customer_without_any_channel_is_not_resolved()
    {
        var errors = new FieldErrors();

        Assert.Null(CustomerValidator.Validate(Requests.Customer, null, errors));
        Assert.False(errors.Any);
    }

    [Fact]
    public void Missing_customer_is_reported_under_customer()
    {
        var errors = new FieldErrors();

        Assert.Null(CustomerValidator.Validate(null, "web", errors));
        Assert.Equal(["customer"], errors.ToDictionary().Keys);
    }

    [Theory]
    [InlineData("12345", true)]
    [InlineData("+86 138 0000 0000", true)]
    [InlineData("010-8888-6666", true)]
    [InlineData("1234", false)]
    [InlineData("123456789012345678901", false)]
    [InlineData("86+1380000", false)]
    [InlineData("(010) 8888", false)]
    [InlineData("+86-", false)]
    public void Phone_is_five_to_twenty_digits_with_an_optional_leading_plus(string phone, bool valid) =>
        Assert.Equal(valid, CustomerValidator.IsPhone(phone));

    [Theory]
    [InlineData("li@example.com", true)]
    [InlineData("li.lei+tickets@mail.example.cn", true)]
    [InlineData("li@example", false)]
    [InlineData("@example.com", false)]
    [InlineData("li@@example.com", false)]
    [InlineData("li@.example.com", false)]
    [InlineData("li@example.com.", false)]
    [InlineData("li @example.com", false)]
    [InlineData("li@exa\u0000mple.com", false)]
    public void Email_needs_one_at_and_a_dotted_domain(string email, bool valid) =>
        Assert.Equal(valid, CustomerValidator.IsEmail(email));
}
