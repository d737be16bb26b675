namespace TicketGrains.Api.Channels.Inbound;

/// <summary>What an adapter made of a request. The inbound endpoint stores, answers and refuses accordingly.</summary>
public abstract record InboundOutcome
{
    /// <summary>
    /// The request is genuine: store <see cref="Messages"/> durably (each once, whatever the platform retries), then
    /// answer with <see cref="Answer"/>. <see cref="Pulls"/> asks for messages to be fetched from the platform (WeCom's
    /// callback carries only a signal to pull).
    /// </summary>
    public sealed record Accepted(IReadOnlyList<InboundMessage> Messages, InboundAnswer Answer) : InboundOutcome
    {
        public IReadOnlyList<PullSignal> Pulls { get; init; } = [];
    }

    /// <summary>A platform's address check (WeChat's echostr, Douyin's challenge): answer it, store nothing.</summary>
    public sealed record Verified(InboundAnswer Answer) : InboundOutcome;

    /// <summary>
    /// Not genuine, stale or malformed: store nothing and answer <see cref="Status"/> (401 bad signature, 403 stale
    /// timestamp, 400 malformed) with a problem naming <see cref="Field"/> (a query parameter, header or body element).
    /// </summary>
    public sealed record Refused(int Status, string Field, string Detail) : InboundOutcome;
}

/// <summary>The body of the answer a platform expects (WeChat: "success" or the echostr; Douyin: a JSON challenge).</summary>
public sealed record InboundAnswer(string ContentType, string Body)
{
    public static readonly InboundAnswer Success = new("text/plain; charset=utf-8", "success");

    public static InboundAnswer Text(string body) => new("text/plain; charset=utf-8", body);

    public static InboundAnswer Json(string body) => new("application/json", body);
}

/// <summary>A signal that messages wait on the platform to be pulled (WeCom kf_msg_or_event: its token and open_kfid).</summary>
public sealed record PullSignal(string Token, string Account);
