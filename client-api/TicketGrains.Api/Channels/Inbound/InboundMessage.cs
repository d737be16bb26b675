namespace TicketGrains.Api.Channels.Inbound;

/// <summary>
/// One message from a customer on any channel, normalised. <see cref="PlatformMessageId"/> is what the platform's
/// retries repeat (WeChat MsgId, Douyin Msg-Id, WeCom msgid, e-mail Message-ID …): unique within one channel, it is
/// the de-duplication key. <see cref="SenderId"/> is the customer's id on that platform (OpenID, open_id, uid, e-mail
/// address, phone number, app user id). Only the parts that fit <see cref="Kind"/> are set.
/// </summary>
public sealed record InboundMessage
{
    public required string PlatformMessageId { get; init; }

    public required string SenderId { get; init; }

    /// <summary>One of <see cref="InboundKinds"/>.</summary>
    public required string Kind { get; init; }

    public required DateTimeOffset SentAt { get; init; }

    /// <summary>What the customer wrote: a text message, an e-mail's plain body, a voice note's recognised text.</summary>
    public string? Text { get; init; }

    /// <summary>An e-mail's subject.</summary>
    public string? Subject { get; init; }

    /// <summary>The sender's display name when the platform gives one (an e-mail's From name).</summary>
    public string? SenderName { get; init; }

    /// <summary>
    /// The platform's conversation the message belongs to when it has one (a Douyin conversation id, an e-mail thread's
    /// first Message-ID); threading keeps one conversation on one ticket.
    /// </summary>
    public string? ThreadKey { get; init; }

    /// <summary>Earlier messages this one answers (an e-mail's In-Reply-To and References), newest last.</summary>
    public IReadOnlyList<string> InReplyTo { get; init; } = [];

    /// <summary>The platform's handle for an image, voice, video or file, to fetch from its media API.</summary>
    public string? MediaId { get; init; }

    /// <summary>A direct address of the media when the platform gives one (WeChat PicUrl).</summary>
    public string? MediaUrl { get; init; }

    /// <summary>The media's format as the platform names it (amr, speex, mp4 …).</summary>
    public string? MediaFormat { get; init; }

    public InboundLocation? Location { get; init; }

    public InboundLink? Link { get; init; }

    /// <summary>For kind event: the platform's event name (subscribe, unsubscribe, CLICK …) and key.</summary>
    public string? EventName { get; init; }

    public string? EventKey { get; init; }

    /// <summary>Files carried in the request itself (e-mail attachments); platform media are fetched by id instead.</summary>
    public IReadOnlyList<InboundAttachment> Attachments { get; init; } = [];

    /// <summary>
    /// What marks the message as written by a machine (an e-mail's <c>Auto-Submitted: auto-replied</c>), when something
    /// does: it joins a ticket it threads onto but opens none (ADR 0013).
    /// </summary>
    public string? Automatic { get; init; }
}

/// <summary>The kinds of inbound message every channel is normalised to.</summary>
public static class InboundKinds
{
    public const string Text = "text";
    public const string Image = "image";
    public const string Voice = "voice";
    public const string Video = "video";
    public const string File = "file";
    public const string Location = "location";
    public const string Link = "link";
    public const string Event = "event";

    public static readonly IReadOnlyList<string> All = [Text, Image, Voice, Video, File, Location, Link, Event];
}

public sealed record InboundLocation(double Latitude, double Longitude, double? Scale, string? Label);

public sealed record InboundLink(string Url, string? Title, string? Description);

public sealed record InboundAttachment(string FileName, string ContentType, byte[] Content);
