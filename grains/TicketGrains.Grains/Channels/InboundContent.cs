using System.Text.Json;
using System.Text.Json.Serialization;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Channels;

/// <summary>
/// The personal part of an inbound message, stored sealed in <see cref="InboundMessageReceived.Content"/>. Files carried
/// in the request are described, not stored (attachments are stored by a later part).
/// </summary>
public sealed record InboundContent
{
    public required string PlatformMessageId { get; init; }

    public required string SenderId { get; init; }

    public string? SenderName { get; init; }

    public string? Text { get; init; }

    public string? Subject { get; init; }

    public string? ThreadKey { get; init; }

    public IReadOnlyList<string> InReplyTo { get; init; } = [];

    public string? MediaId { get; init; }

    public string? MediaUrl { get; init; }

    public string? MediaFormat { get; init; }

    public Place? Location { get; init; }

    public WebLink? Link { get; init; }

    public string? EventName { get; init; }

    public string? EventKey { get; init; }

    public IReadOnlyList<FileNote> Files { get; init; } = [];

    /// <summary>What made the message automatic (no person wrote it), when something did: it opens no ticket (ADR 0013).</summary>
    public string? Automatic { get; init; }

    /// <summary>The thread the message belongs to: the platform's own, else the conversation with its sender on the channel.</summary>
    public string EffectiveThreadKey => ThreadKey ?? "sender:" + SenderId;

    /// <summary>What order numbers, phones and e-mail addresses are looked for in: the subject and the text (not stored).</summary>
    [JsonIgnore]
    public string SearchText => $"{Subject}\n{Text}";

    public string ToJson() => JsonSerializer.Serialize(this, EventSerializer.Options);

    public static InboundContent FromJson(string json) =>
        JsonSerializer.Deserialize<InboundContent>(json, EventSerializer.Options) ?? throw new JsonException("An inbound message's content is empty.");

    public sealed record Place(double Latitude, double Longitude, double? Scale, string? Label);

    public sealed record WebLink(string Url, string? Title, string? Description);

    public sealed record FileNote(string FileName, string ContentType, int Bytes);
}
