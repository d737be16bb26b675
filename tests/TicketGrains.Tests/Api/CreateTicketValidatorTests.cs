using TicketGrains.Api.Tickets;
using Xunit;

namespace TicketGrains.Tests.Api;

public sealed class CreateTicketValidatorTests
{
    [Fact]
    public void Valid_request_passes_with_the_customer_on_the_ticket_channel()
    {
        var errors = new FieldErrors();

        var valid = CreateTicketValidator.Validate(Requests.Valid, errors);

        Assert.False(errors.Any);
        Assert.NotNull(valid);
        Assert.Equal(("wechat", "Where is my parcel?", "Ordered last week.\nNothing arrived.", "logistics", "high"),
            (valid.Channel, valid.Subject, valid.Body, valid.Category, valid.Priority));
        Assert.Equal(("wechat", "wx-42", "Li Lei", "gold"), (valid.Customer.Channel, valid.Customer.ExternalId, valid.Customer.Name, valid.Customer.Tier));
        Assert.Equal("A-1001", valid.Fields["orderId"]);
        Assert.Equal(64, CreateTicketValidator.RequestHash(Requests.Valid).Length);
    }

    [Fact]
    public void Minimal_request_gets_the_defaults_and_leaves_the_category_to_the_classifier()
    {
        var request = new CreateTicketRequest("web", new CustomerRequest(null, "u-1", null, null, null, null), "  Hello  ", "Body", null, null, null);
        var errors = new FieldErrors();

        var valid = CreateTicketValidator.Validate(request, errors);

        Assert.NotNull(valid);
        Assert.Equal(("Hello", null, "normal", "web"), (valid.Subject, valid.Category, valid.Priority, valid.Customer.Channel));
        Assert.Empty(valid.Fields);
        Assert.Null(valid.Customer.Tier);
    }

    [Fact]
    public void Customer_may_come_from_another_channel_than_the_ticket()
    {
        var request = Requests.Valid with { Customer = Requests.Customer with { Channel = "app" } };

        var valid = CreateTicketValidator.Validate(request, new FieldErrors());

        Assert.Equal(("wechat", "app"), (valid!.Channel, valid.Customer.Channel));
    }

    public static TheoryData<CreateTicketRequest, string> BadFields => new()
    {
        { Requests.Valid with { Channel = null }, "channel" },
        { Requests.Valid with { Channel = "fax" }, "channel" },
        { Requests.Valid with { Subject = null }, "subject" },
        { Requests.Valid with { Subject = "   " }, "subject" },
        { Requests.Valid with { Body = null }, "body" },
        { Requests.Valid with { Body = "" }, "body" },
        { Requests.Valid with { Customer = null }, "customer" },
        { Requests.Valid with { Customer = Requests.Customer with { ExternalId = null } }, "customer.externalId" },
        { Requests.Valid with { Customer = Requests.Customer with { ExternalId = new string('x', 129) } }, "customer.externalId" },
        { Requests.Valid with { Customer = Requests.Customer with { Channel = "fax" } }, "customer.channel" },
        { Requests.Valid with { Customer = Requests.Customer with { Name = new string('n', 101) } }, "customer.name" },
        { Requests.Valid with { Customer = Requests.Customer with { Email = "li.example.com" } }, "customer.email" },
        { Requests.Valid with { Customer = Requests.Customer with { Email = "li@example" } }, "customer.email" },
        { Requests.Valid with { Customer = Requests.Customer with { Email = "li lei@example.com" } }, "customer.email" },
        { Requests.Valid with { Customer = Requests.Customer with { Phone = "1234" } }, "customer.phone" },
        { Requests.Valid with { Customer = Requests.Customer with { Phone = "138+0000" } }, "customer.phone" },
        { Requests.Valid with { Customer = Requests.Customer with { Phone = "call me" } }, "customer.phone" },
        { Requests.Valid with { Customer = Requests.Customer with { Tier = "platinum" } }, "customer.tier" },
        { Requests.Valid with { Category = "misc" }, "category" },
        { Requests.Valid with { Priority = "critical" }, "priority" },
        { Requests.Valid with { Fields = new() { ["bad key"] = "v" } }, "fields" },
        { Requests.Valid with { Fields = new() { [""] = "v" } }, "fields" },
        { Requests.Valid with { Fields = new() { [new string('k', 65)] = "v" } }, "fields" },
        { Requests.Valid with { Fields = Enumerable.Range(0, 51).ToDictionary(i => $"f{i}", _ => "v") }, "fields" },
        { Requests.Valid with { Fields = new() { ["orderId"] = "" } }, "fields.orderId" },
        { Requests.Valid with { Fields = new() { ["orderId"] = new string('v', 1001) } }, "fields.orderId" },
        { Requests.Valid with { Fields = new() { ["orderId"] = "A-1\u0007" } }, "fields.orderId" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public void Bad_field_is_reported_under_its_own_name(CreateTicketRequest request, string field)
    {
        Assert.Equal([field], Requests.ErrorFields(request));
        Assert.Null(CreateTicketValidator.Validate(request, new FieldErrors()));
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var request = new CreateTicketRequest("fax", Requests.Customer with { Email = "nope" }, null, null, "misc", "critical", null);

        Assert.Equal(["body", "category", "channel", "customer.email", "priority", "subject"], Requests.ErrorFields(request));
    }

    [Fact]
    public void Field_values_at_their_limits_pass()
    {
        var request = Requests.Valid with
        {
            Subject = new string('s', CreateTicketValidator.MaxSubject),
            Body = new string('b', CreateTicketValidator.MaxBody),
            Fields = Enumerable.Range(0, CreateTicketValidator.MaxFields).ToDictionary(i => $"f{i}", _ => new string('v', CreateTicketValidator.MaxFieldValue)),
        };

        Assert.Empty(Requests.ErrorFields(request));
    }
}
