using TicketGrains.Api.Tickets;
using Xunit;

namespace TicketGrains.Tests.Api;

public sealed class TextLimitsTests
{
    [Fact]
    public void Oversize_subject_is_refused_with_its_limit()
    {
        var errors = new FieldErrors();

        CreateTicketValidator.Validate(Requests.Valid with { Subject = new string('s', 201) }, errors);

        Assert.Equal(["'subject' is longer than 200 characters."], errors.ToDictionary()["subject"]);
    }

    [Fact]
    public void Oversize_body_is_refused_with_its_limit()
    {
        var errors = new FieldErrors();

        CreateTicketValidator.Validate(Requests.Valid with { Body = new string('b', 20_001) }, errors);

        Assert.Equal(["'body' is longer than 20000 characters."], errors.ToDictionary()["body"]);
    }

    [Theory]
    [InlineData("Hello\u0000")]
    [InlineData("Bell\u0007")]
    [InlineData("\u001b[31mred")]
    [InlineData("Two\nlines")]
    [InlineData("Tab\there")]
    [InlineData("Delete\u007f")]
    public void Subject_with_control_characters_is_refused(string subject)
    {
        var errors = new FieldErrors();

        CreateTicketValidator.Validate(Requests.Valid with { Subject = subject }, errors);

        Assert.Equal(["'subject' contains control characters."], errors.ToDictionary()["subject"]);
    }

    [Theory]
    [InlineData("Null\u0000byte")]
    [InlineData("\u001b[2Jclear")]
    [InlineData("Next line\u0085")]
    public void Body_with_control_characters_is_refused(string body) =>
        Assert.Equal(["body"], Requests.ErrorFields(Requests.Valid with { Body = body }));

    [Fact]
    public void Body_may_hold_newlines_and_tabs() =>
        Assert.Empty(Requests.ErrorFields(Requests.Valid with { Body = "Line 1\r\nLine 2\n\tindented" }));

    [Fact]
    public void Customer_name_with_control_characters_is_refused() =>
        Assert.Equal(["customer.name"], Requests.ErrorFields(Requests.Valid with { Customer = Requests.Customer with { Name = "Li\u0000Lei" } }));
}
