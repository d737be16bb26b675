using TicketGrains.Api.Tickets;
using Xunit;

namespace TicketGrains.Tests.Api;

public sealed class RequestHashTests
{
    private static string Hash(CreateTicketRequest request) => CreateTicketValidator.RequestHash(request);

    [Fact]
    public void Same_request_gives_the_same_hash() => Assert.Equal(Hash(Requests.Valid), Hash(Requests.Valid));

    [Fact]
    public void Field_order_does_not_change_the_hash()
    {
        var reordered = Requests.Valid with { Fields = new() { ["sku"] = "X-9", ["orderId"] = "A-1001" } };

        Assert.Equal(Hash(Requests.Valid), Hash(reordered));
    }

    public static TheoryData<CreateTicketRequest> Variants => new()
    {
        Requests.Valid with { Channel = "app" },
        Requests.Valid with { Subject = "Where is my parcel?!" },
        Requests.Valid with { Body = "Ordered last week." },
        Requests.Valid with { Category = "order" },
        Requests.Valid with { Priority = "urgent" },
        Requests.Valid with { Fields = new() { ["orderId"] = "A-1002", ["sku"] = "X-9" } },
        Requests.Valid with { Fields = new() { ["orderId"] = "A-1001" } },
        Requests.Valid with { Fields = null },
        Requests.Valid with { Customer = Requests.Customer with { ExternalId = "wx-43" } },
        Requests.Valid with { Customer = Requests.Customer with { Email = "lei@example.com" } },
        Requests.Valid with { Customer = Requests.Customer with { Tier = "vip" } },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Any_different_value_changes_the_hash(CreateTicketRequest variant) => Assert.NotEqual(Hash(Requests.Valid), Hash(variant));
}
