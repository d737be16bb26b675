using System.Text.Json;
using TicketGrains.Grains.Attachments;
using TicketGrains.Grains.Channels;
using TicketGrains.Grains.Pipeline;
using TicketGrains.Grains.Rules;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.Metering;

/// <summary>
/// Decides what a committed event counts as. A channel message counts once, as the <see cref="InboundMessageReceived"/> that
/// made it durable; the <see cref="MessageAdded"/> it later becomes on a ticket (it carries <c>inbound</c>) is not counted
/// again. Seats are the agents of claims (pulled and acknowledged): the only events that name an agent as such.
/// </summary>
public static class UsageClassifier
{
    private static readonly HashSet<string> CountedTypes = new(StringComparer.Ordinal)
    {
        nameof(TicketCreated), nameof(MessageAdded), nameof(InboundMessageReceived), nameof(TriggersFired),
        nameof(AttachmentAdded), nameof(TicketClaimed), nameof(ClaimAccepted),
    };

    /// <summary>Whether the event may count, from its header alone: the pipeline reads the data of these only.</summary>
    public static bool MayCount(EventHeader header) =>
        CountedTypes.Contains(header.EventType)
        && (header.EventType != nameof(InboundMessageReceived) || (InboundStreams.IsInbound(header.StreamId) && header.Version == 1));

    /// <summary>What the event counts as; <see cref="UsageCount.Nothing"/> for events that count nothing.</summary>
    public static UsageCount Classify(CommittedEvent committed)
    {
        var header = new EventHeader(committed.TransactionId, committed.Position, committed.TenantId, committed.StreamId,
            committed.Version, committed.EventType, committed.RecordedAt);
        if (!MayCount(header))
        {
            return UsageCount.Nothing;
        }

        return committed.EventType switch
        {
            nameof(TicketCreated) => new UsageCount(1, 0, 0, 0, null),
            nameof(InboundMessageReceived) => new UsageCount(0, 1, 0, 0, null),
            nameof(TriggersFired) => new UsageCount(0, 0, 1, 0, null),
            nameof(MessageAdded) => FromChannel(committed.Data) ? UsageCount.Nothing : new UsageCount(0, 1, 0, 0, null),
            nameof(AttachmentAdded) => new UsageCount(0, 0, 0, Number(committed.Data, "bytes"), null),
            _ => new UsageCount(0, 0, 0, 0, Text(committed.Data, "agent")),
        };
    }

    private static bool FromChannel(string data)
    {
        using var document = JsonDocument.Parse(data);
        return document.RootElement.TryGetProperty("inbound", out var inbound) && inbound.ValueKind != JsonValueKind.Null;
    }

    private static long Number(string data, string property)
    {
        using var document = JsonDocument.Parse(data);
        return document.RootElement.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;
    }

    private static string? Text(string data, string property)
    {
        using var document = JsonDocument.Parse(data);
        return document.RootElement.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
