using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Api.AutoFill;
using TicketGrains.Api.Customers;
using TicketGrains.Api.Reports;
using TicketGrains.Api.Tickets;

namespace TicketGrains.Api.Privacy;

/// <summary>
/// The one place that knows which parts of each response are personal data: it masks them for callers without pii:read,
/// and names what an unmasked response showed, for the audit log. A response type it does not know is refused rather
/// than sent unmasked, so a new endpoint cannot leak by being forgotten here.
/// </summary>
public static class PersonalDataProjection
{
    public static object Mask(object value) => value switch
    {
        TicketView t => Mask(t),
        CustomerView c => Mask(c),
        CustomerMerge m => Mask(m),
        // Ids, kinds of key and reasons that name no value: nothing personal.
        IReadOnlyList<LinkProposalView> proposals => proposals,
        IEnumerable<TicketEventView> events => events.Select(e => e with { Data = JsonMask.Mask(e.Data) }).ToList(),
        TicketListing.Page page => page with { Items = page.Items.Select(Mask).ToList() },
        TicketExport export => export with { Rows = export.Rows.Select(Mask).ToList() },
        TicketChange change => Mask(change),
        // An erasure reports the customer id and counts only.
        PersonalDataErasure erasure => erasure,
        ExtractResponse extract => Mask(extract),
        // Counts per hour by channel and category: nothing personal.
        TicketsPerHour perHour => perHour,
        _ => throw new InvalidOperationException($"No masking rule for {value.GetType().Name}; teach PersonalDataProjection about it."),
    };

    /// <summary>The audit target and detail of an unmasked read of this value, or null when it holds no personal data.</summary>
    public static (string Target, string Detail)? ReadOf(object value, HttpContext context) => value switch
    {
        TicketView t => ($"ticket:{t.Id}", ""),
        CustomerView c => ($"customer:{c.Id}", ""),
        IEnumerable<TicketEventView> => ($"ticket:{context.GetRouteValue("id")}", "events"),
        TicketListing.Page page => ("tickets", $"{page.Items.Count} tickets listed"),
        TicketExport export => ("tickets", $"{export.Rows.Count} tickets exported"),
        _ => null,
    };

    private static TicketView Mask(TicketView t) => t with
    {
        Subject = FreeTextMask.Mask(t.Subject),
        Fields = t.Fields.ToDictionary(f => f.Key, f => FieldMask.Mask(f.Key, f.Value), StringComparer.Ordinal),
        // A value waiting for an agent is masked exactly as it would be once it is a field.
        ProposedFields = [.. t.ProposedFields.Select(p => p with { Value = FieldMask.Mask(p.Name, p.Value) })],
        // A mail server's refusal may quote the customer's address.
        Messages = t.Messages.Select(m => m with
        {
            Author = FreeTextMask.Mask(m.Author),
            Body = FreeTextMask.Mask(m.Body),
            Delivery = m.Delivery is { Reason: { } reason } delivery ? delivery with { Reason = FreeTextMask.Mask(reason) } : m.Delivery,
        }).ToList(),
    };

    /// <summary>
    /// Every field by name, so a field added to the change does not compile until it is given a rule here. The assignee
    /// is an agent id, which may be an e-mail address or a phone number: masked as free text, like message authors.
    /// </summary>
    private static TicketChange Mask(TicketChange c) =>
        new(c.TicketId, c.Version, c.EventType, c.Status, c.Queue, c.Assignee is null ? null : FreeTextMask.Mask(c.Assignee), c.At, c.Priority);

    /// <summary>As a ticket's thread and fields: the text read as free text, each field by its name's rule.</summary>
    private static ExtractResponse Mask(ExtractResponse r) => r with
    {
        Text = FreeTextMask.Mask(r.Text),
        Fields = [.. r.Fields.Select(f => f with { Value = FieldMask.Mask(f.Name, f.Value) })],
    };

    private static TicketListing.Item Mask(TicketListing.Item item) => item with { Subject = FreeTextMask.Mask(item.Subject) };

    private static CustomerView Mask(CustomerView c) => c with
    {
        Name = c.Name is null ? null : NameMask.Mask(c.Name),
        Identities = [.. c.Identities.Select(i => i with { ExternalId = MaskIdentity(i.Channel, i.ExternalId) })],
        Phone = c.Phone is null ? null : PhoneMask.Mask(c.Phone),
        Email = c.Email is null ? null : EmailMask.Mask(c.Email),
        Merges = [.. c.Merges.Select(Mask)],
        RecentTickets = [.. c.RecentTickets.Select(t => t with { Subject = FreeTextMask.Mask(t.Subject) })],
        // As a ticket's orderNo field is masked.
        OrdersMentioned = [.. c.OrdersMentioned.Select(o => FieldMask.Mask(OrderEventTypes.OrderNoField, o))],
        LastOrderNo = c.LastOrderNo is null ? null : FieldMask.Mask(OrderEventTypes.OrderNoField, c.LastOrderNo),
        Address = c.Address is null ? null : AddressMask.Mask(c.Address),
    };

    /// <summary>The actors are agent ids, which may be e-mail addresses or phone numbers: masked as free text, like message authors.</summary>
    private static CustomerMerge Mask(CustomerMerge m) => m with
    {
        By = FreeTextMask.Mask(m.By), UnmergedBy = m.UnmergedBy is null ? null : FreeTextMask.Mask(m.UnmergedBy),
    };

    /// <summary>Phone and e-mail ids by their rule, any other id as free text.</summary>
    private static string MaskIdentity(string channel, string id) => channel switch
    {
        "phone" => PhoneMask.Mask(id),
        "email" => EmailMask.Mask(id),
        _ => FreeTextMask.Mask(id),
    };
}
