using Microsoft.AspNetCore.Mvc;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Api.Infrastructure;

namespace TicketGrains.Api.Channels.Inbound;

/// <summary>
/// GET|POST /api/v1/channels/{id}/inbound: where a platform delivers to a channel. No bearer token: the channel type's
/// adapter checks the platform's signature. Genuine messages are stored durably before the answer and become ticket
/// work after it (from the pipeline), well within a platform's 5 s deadline.
/// </summary>
public static class InboundEndpoint
{
    public const string Path = "/api/v1/channels/{id:guid}/inbound";

    /// <summary>Two operations on one address: a platform's address check (GET) and its pushes (POST).</summary>
    public static IEndpointRouteBuilder MapInboundEndpoint(this IEndpointRouteBuilder app)
    {
        Describe(app.MapGet(Path, HandleAsync).WithName("CheckChannelInbound")
            .WithSummary("A platform's address check (WeChat echostr, Weibo) for a channel, authenticated by the platform's signature."));
        Describe(app.MapPost(Path, HandleAsync).WithName("ReceiveChannelInbound")
            .WithSummary("A platform's push (raw body, up to 1 MiB) for a channel, authenticated by the platform's signature; stored before the answer."));
        return app;
    }

    private static void Describe(RouteHandlerBuilder route) => route
        .AllowAnonymous().DisableAntiforgery().WithTags("Channels")
        .Produces(StatusCodes.Status200OK, contentType: "text/plain").ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    private static async Task<IResult> HandleAsync(
        Guid id, HttpContext context, IChannelDirectory directory, ChannelAdapters adapters, IInboundAcceptor acceptor, InboundPulls pulls, TimeProvider time)
    {
        var abort = context.RequestAborted;
        var channel = await directory.FindAsync(id, abort) ?? throw new NotFoundException($"No channel '{id}'.");
        var adapter = adapters.AdapterFor(channel.Type) ?? throw new NotFoundException($"Channel '{id}' is of type '{channel.Type}', which has no inbound adapter yet.");
        var request = await ReadRequestAsync(context, time, InboundLimits.MaxBodyBytes);
        switch (adapter.Handle(request, channel.Settings))
        {
            case InboundOutcome.Refused refused:
                return Problem(refused);
            case InboundOutcome.Verified verified:
                return TypedResults.Text(verified.Answer.Body, verified.Answer.ContentType);
            case InboundOutcome.Accepted accepted:
                await acceptor.AcceptAsync(channel, accepted.Messages, abort);
                pulls.Start(channel, accepted.Pulls);
                return TypedResults.Text(accepted.Answer.Body, accepted.Answer.ContentType);
            default:
                throw new InvalidOperationException($"Adapter '{channel.Type}' returned no known outcome.");
        }
    }

    /// <summary>The request as an adapter reads it; its body read as <see cref="ReadBodyAsync"/> does.</summary>
    public static async Task<InboundRequest> ReadRequestAsync(HttpContext context, TimeProvider time, int maxBodyBytes) => new(
        context.Request.Method,
        context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
        context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
        await ReadBodyAsync(context, maxBodyBytes),
        time.GetUtcNow());

    /// <summary>A refusal as a ProblemDetails naming its field under errors.</summary>
    public static IResult Problem(InboundOutcome.Refused refused) =>
        TypedResults.Problem(new ValidationProblemDetails(new Dictionary<string, string[]> { [refused.Field] = [refused.Detail] })
        {
            Status = refused.Status,
            Title = Title(refused.Status),
            Detail = refused.Detail,
        });

    /// <summary>
    /// Up to this multiple of the limit, an oversized body is read to its end and dropped before the 413, so a platform
    /// still sending it gets its 413 rather than a broken pipe or a reset (see <see cref="LimitedBody"/>). The server's own
    /// limit (<see cref="RequestLimits"/>, below the inbound limit) is set to this bound for the read; anything larger is
    /// cut off by the server as before.
    /// </summary>
    private const int DrainFactor = 4;

    /// <summary>The raw body, refused with 413 when its declared length is over the limit, or once it grows over it.</summary>
    private static Task<byte[]> ReadBodyAsync(HttpContext context, int maxBodyBytes) =>
        LimitedBody.ReadAsync(context.Request, maxBodyBytes, drainAllowance: (long)maxBodyBytes * (DrainFactor - 1));

    private static string Title(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "The platform signature does not match.",
        StatusCodes.Status403Forbidden => "The request is stale (outside the replay window).",
        StatusCodes.Status400BadRequest => "The request is malformed.",
        _ => "The request was refused.",
    };
}
