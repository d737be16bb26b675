using TicketGrains.Grains.Attachments;
using TicketGrains.Grains.AutoFill.Proposals;
using TicketGrains.Grains.Channels;
using TicketGrains.Grains.Customers;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Tickets;


namespace TicketGrains.Grains.Encryption;

/// <summary>
/// Which fields of which event are personal. <see cref="Map"/> applies a cipher's Seal before an append and its Open
/// after a read; category, status, priority, queue, ids, actors and times stay clear for statistics and routing.
/// </summary>
public static class EventProtection
{
    public static IDomainEvent Map(IDomainEvent e, Func<string, string> transform) => e switch
    {
        TicketCreated c => c with
        {
            Subject = transform(c.Subject), Body = transform(c.Body), Fields = MapValues(c.Fields, transform), RequestHash = RequestHash(c.RequestHash, transform),
        },
        MessageAdded m => m with { Body = transform(m.Body) },
        InboundMessageReceived r => r with { Content = transform(r.Content) },
        AttachmentAdded a => a with { FileName = transform(a.FileName), Transcript = a.Transcript is { } t ? t with { Text = transform(t.Text) } : null },
        // Every value read, as every value of a ticket's fields: order numbers link customers, phones and addresses are theirs.
        FieldsProposed p => p with { Fields = [.. p.Fields.Select(f => f with { Value = transform(f.Value) })] },
        ProposedFieldAccepted a => a with { Value = transform(a.Value) },
        AttachmentFetchFailed f => f with { Reason = transform(f.Reason) },
        CustomerRegistered r => r with
        {
            Identity = transform(r.Identity), Name = Optional(r.Name, transform), Phone = Optional(r.Phone, transform), Email = Optional(r.Email, transform),
        },
        CustomerProfileUpdated u => u with
        {
            NewIdentity = Optional(u.NewIdentity, transform), Name = Optional(u.Name, transform),
            Phone = Optional(u.Phone, transform), Email = Optional(u.Email, transform),
        },
        _ => e,
    };

    public static Dictionary<string, string> MapValues(IReadOnlyDictionary<string, string> fields, Func<string, string> transform) =>
        fields.ToDictionary(f => f.Key, f => transform(f.Value), StringComparer.Ordinal);

    /// <summary>
    /// An unkeyed hash of the whole request, personal data included: sealed too, so nobody can test guesses of a phone
    /// number against it. Empty (no Idempotency-Key) stays empty.
    /// </summary>
    public static string RequestHash(string hash, Func<string, string> transform) => hash.Length == 0 ? hash : transform(hash);

    private static string? Optional(string? value, Func<string, string> transform) => value is null ? null : transform(value);
}
