using Microsoft.AspNetCore.Http;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Api.Privacy;
using TicketGrains.Api.Reports;
using TicketGrains.Api.Tickets;
using Xunit;

namespace TicketGrains.Tests.Privacy;

public sealed class PersonalDataProjectionTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_ticket_is_masked_in_subject_fields_and_thread_and_nothing_else()
    {
        var ticket = Ticket("换货 13812345678", new Dictionary<string, string>
        {
            ["orderNo"] = "20261111-42", ["phone"] = "13912345678", ["收货地址"] = "浙江省杭州市西湖区文三路 90 号", ["contact_name"] = "张三",
        }, new TicketMessageView("zhang.san@example.com", "卡号 4111 1111 1111 1111", false, At));

        var masked = (TicketView)PersonalDataProjection.Mask(ticket);

        Assert.Equal("换货 138****5678", masked.Subject);
        Assert.Equal(
            new Dictionary<string, string> { ["orderNo"] = "20261111-42", ["phone"] = "139****5678", ["收货地址"] = "浙江省杭州市西湖区****", ["contact_name"] = "张*" },
            masked.Fields);
        Assert.Equal(new TicketMessageView("z***@example.com", "卡号 **** **** **** 1111", false, At), Assert.Single(masked.Messages));
        Assert.Empty(masked.ProposedFields);
        Assert.Equal(ticket with { Subject = masked.Subject, Fields = masked.Fields, Messages = masked.Messages, ProposedFields = masked.ProposedFields }, masked);
    }

    [Fact]
    public void A_replys_delivery_reason_is_masked_like_free_text()
    {
        var delivery = new MessageDelivery(Guid.NewGuid(), Guid.NewGuid(), MessageDelivery.Failed, 1, "550 5.1.1 <zhang.san@example.com>: no such user");
        var ticket = Ticket("退款", new Dictionary<string, string>(), new TicketMessageView("alice", "已退款", false, At, delivery));

        var masked = (TicketView)PersonalDataProjection.Mask(ticket);

        Assert.Equal(delivery with { Reason = "550 5.1.1 <z***@example.com>: no such user" }, Assert.Single(masked.Messages).Delivery);
    }

    [Fact]
    public void A_customer_keeps_the_first_character_of_the_name_and_masked_identities_phone_e_mail_and_subjects()
    {
        var customer = new CustomerView
        {
            Id = Guid.NewGuid(), TenantId = "shop", Name = "王小明", Tier = "vip",
            Identities = [new("phone", "13812345678"), new("email", "wang@example.com"), new("wechat", "o6_bmjrPTlm6_2sgVt7hMZOPfL2M")], OpenTickets = [],
            Phone = "13812345678", Email = "wang@example.com",
            RecentTickets = [new CustomerTicket { Id = Guid.NewGuid(), Channel = "wechat", Status = "new", Subject = "回电 13912345678", CreatedAt = At, UpdatedAt = At }],
            Merges = [new CustomerMerge { MergeId = Guid.NewGuid(), SurvivorId = Guid.NewGuid(), MergedId = Guid.NewGuid(), By = "13700001111", Reason = "r", At = At }],
            OrdersMentioned = ["20261111-42"], LastOrderNo = "20261111-42",
        };

        var masked = (CustomerView)PersonalDataProjection.Mask(customer);

        Assert.Equal("王*", masked.Name);
        Assert.Equal([new("phone", "138****5678"), new("email", "w***@example.com"), new CustomerIdentity("wechat", "o6_bmjrPTlm6_2sgVt7hMZOPfL2M")],
            masked.Identities);
        Assert.Equal(("138****5678", "w***@example.com"), (masked.Phone, masked.Email));
        Assert.Equal("回电 139****5678", Assert.Single(masked.RecentTickets).Subject);
        Assert.Equal("137****1111", Assert.Single(masked.Merges).By);
        Assert.Equal(["20261111-42"], masked.OrdersMentioned);
        Assert.Equal("20261111-42", masked.LastOrderNo);
    }

    [Fact]
    public void Event_data_is_masked_by_property_name_and_ids_and_times_stay()
    {
        var id = Guid.NewGuid();
        var data = $$"""{"TicketId":"{{id}}","Subject":"call 13812345678","Fields":{"email":"li.lei@example.com","sku":"A-1"},"At":"2026-11-25T10:00:00Z","Tags":["13812345678"]}""";
        var events = new List<TicketEventView> { new(1, "TicketCreated", At, data) };

        var masked = Assert.Single((IEnumerable<TicketEventView>)PersonalDataProjection.Mask(events));

        Assert.Equal(
            $$"""{"TicketId":"{{id}}","Subject":"call 138****5678","Fields":{"email":"l***@example.com","sku":"A-1"},"At":"2026-11-25T10:00:00Z","Tags":["138****5678"]}""",
            masked.Data);
    }

    [Fact]
    public void Listings_and_exports_mask_the_subject()
    {
        var item = new TicketListing.Item(Guid.NewGuid(), "new", "general", "normal", "general", Guid.NewGuid(), null, "web", "我的电话 13812345678",
            At, At, null, 1);

        var page = (TicketListing.Page)PersonalDataProjection.Mask(new TicketListing.Page([item], null));
        var export = (TicketExport)PersonalDataProjection.Mask(new TicketExport([item]));

        Assert.Equal("我的电话 138****5678", Assert.Single(page.Items).Subject);
        Assert.Equal(Assert.Single(page.Items), Assert.Single(export.Rows));
    }

    [Fact]
    public void An_unknown_response_type_is_refused_rather_than_sent_unmasked() =>
        Assert.Throws<InvalidOperationException>(() => PersonalDataProjection.Mask(new AgentProfile("a", [])));

    [Fact]
    public void A_live_feed_change_masks_an_assignee_that_is_an_address_or_a_phone_and_nothing_else()
    {
        var change = new TicketChange(Guid.NewGuid(), 3, "AssigneeChanged", "open", "refunds", "zhang.san@example.com", At, "high");

        Assert.Equal(change with { Assignee = "z***@example.com" }, PersonalDataProjection.Mask(change));
        Assert.Equal(change with { Assignee = "138****5678" }, PersonalDataProjection.Mask(change with { Assignee = "13812345678" }));
        Assert.Equal(change with { Assignee = "agent-7" }, PersonalDataProjection.Mask(change with { Assignee = "agent-7" }));
        Assert.Equal(change with { Assignee = null }, PersonalDataProjection.Mask(change with { Assignee = null }));
    }

    [Fact]
    public void An_unmasked_read_names_what_was_shown()
    {
        var context = new DefaultHttpContext();
        var ticket = Ticket("x", new Dictionary<string, string>());

        Assert.Equal(($"ticket:{ticket.Id}", ""), PersonalDataProjection.ReadOf(ticket, context));
        Assert.Equal(("tickets", "0 tickets listed"), PersonalDataProjection.ReadOf(new TicketListing.Page([], null), context));
        Assert.Null(PersonalDataProjection.ReadOf(new TicketChange(ticket.Id, 1, "TicketCreated", "new", "general", null, At), context));
    }

    private static TicketView Ticket(string subject, Dictionary<string, string> fields, params TicketMessageView[] messages) => new()
    {
        Id = Guid.NewGuid(), TenantId = "shop", Status = "new", Category = "general", Priority = "normal", Queue = "general",
        CustomerId = Guid.NewGuid(), Channel = "web", Subject = subject, CreatedAt = At, UpdatedAt = At, Version = 1, Fields = fields,
        Messages = messages,
    };
}
