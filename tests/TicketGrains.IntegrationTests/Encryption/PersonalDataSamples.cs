using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Encryption;

/// <summary>One customer's distinctive personal data, and tickets that carry it in every place a ticket can.</summary>
public sealed record PersonalDataSamples(string Phone, string Email, string Name, string Address, string IdCard, string Card)
{
    /// <summary>Values no other test uses (a random suffix), so finding one in the database can only mean a leak.</summary>
    public static PersonalDataSamples Fresh()
    {
        var n = Random.Shared.Next(1000, 9999);
        return new($"1397731{n}", $"wang.xiuying.{n}@example.cn", $"Wang Xiuying{n}", $"Room {n}, 88 Jianguo Road, Chaoyang",
            $"11010119900307{n}", $"6222 0212 {n} 7890");
    }

    public IReadOnlyList<string> All => [Phone, Email, Name, Address, IdCard, Card];

    /// <summary>The create request: the phone number is the external id of the phone channel, and the other values go everywhere else.</summary>
    public object Ticket(string category = "refund") => new
    {
        channel = "phone",
        customer = new { channel = "phone", externalId = Phone, name = Name, phone = Phone, email = Email },
        subject = $"Refund to {Name} at {Address}",
        body = $"ID card {IdCard}; please refund card {Card}.",
        category,
        priority = "high",
        fields = new Dictionary<string, string> { ["address"] = Address, ["idCard"] = IdCard, ["payment"] = Card },
    };

    /// <summary>Opens a bare ticket and returns the customer it was linked to.</summary>
    public async Task<Guid> CustomerOfNewTicketAsync(ApiClient api) =>
        (await api.PostAsync(TicketRequests.Tickets, Ticket())).Expect(HttpStatusCode.Created).Json.GetProperty("customerId").GetGuid();

    /// <summary>Opens a ticket and adds a public reply and an internal note that repeat the personal data (4 events: a snapshot exists).</summary>
    public async Task<Guid> OpenTicketAsync(ApiClient api, string category = "refund")
    {
        var id = (await api.PostAsync(TicketRequests.Tickets, Ticket(category))).Expect(HttpStatusCode.Created).Id;
        (await api.PostAsync($"{TicketRequests.Ticket(id)}/messages", new { author = "agent-1", body = $"Called {Phone}, mailed {Email}." }))
            .Expect(HttpStatusCode.OK);
        (await api.PostAsync($"{TicketRequests.Ticket(id)}/messages", new { author = "agent-1", body = $"Card {Card}, ID {IdCard}", @internal = true }))
            .Expect(HttpStatusCode.OK);
        (await api.PostAsync($"{TicketRequests.Ticket(id)}/status", new { status = "open" })).Expect(HttpStatusCode.OK);
        return id;
    }
}
