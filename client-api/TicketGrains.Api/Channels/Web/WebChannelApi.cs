using TicketGrains.Abstractions.Errors;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Grains.Encryption;

namespace TicketGrains.Api.Channels.Web;

/// <summary>
/// /api/v1/channels/{id}/web: what the widget on the shop's site calls across origins (CORS for the channel's
/// allowedOrigins): a visitor token, messages in, the agents' replies out. No bearer token: the Origin and the
/// visitor token are checked instead (<see cref="WebRequestChecks"/>).
/// </summary>
public static class WebChannelApi
{
    public const string Path = "/api/v1/channels/{id:guid}/web";

    public static IEndpointRouteBuilder MapWebChannelApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("Channels").AllowAnonymous().DisableAntiforgery().AddEndpointFilter(LimitAsync);
        group.MapPost("/visitors", IssueVisitorAsync).WithName("IssueWebVisitor")
            .WithSummary("A visitor token for the widget (24 h); sent with an earlier token (X-Visitor-Token, expired up to 30 days), the same visitor again.")
            .Produces<WebVisitorView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/messages", PostMessageAsync).WithName("PostWebMessage")
            .WithSummary("A visitor's chat message or web form {messageId, message, name?, email?, subject?}; stored once per messageId before the answer.")
            .Accepts<WebMessage>("application/json").Produces(StatusCodes.Status200OK).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/messages", ReadRepliesAsync).WithName("ReadWebReplies")
            .WithSummary("The agents' replies to the visitor the token names (the latest 100), never another visitor's.")
            .Produces<WebRepliesView>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapMethods("/{*rest}", [HttpMethods.Options], PreflightAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> IssueVisitorAsync(Guid id, HttpContext context, IChannelDirectory directory, TimeProvider time)
    {
        var (channel, request) = await OpenAsync(id, context, directory, time);
        if (Refusal(channel, request) is { } refused)
        {
            return refused;
        }

        var secret = channel.Settings[WebSettings.Secret];
        var earlier = WebVisitorToken.Check(secret, request.Header(WebRequestChecks.TokenHeader), request.ReceivedAt);
        var renews = earlier.State != VisitorTokenState.Forged && earlier.ExpiresAt + WebVisitorToken.RenewableFor > request.ReceivedAt;
        var visitor = renews ? earlier.VisitorId! : WebVisitorToken.NewVisitorId();
        var expiresAt = request.ReceivedAt + WebVisitorToken.Lifetime;
        return TypedResults.Ok(new WebVisitorView(visitor, WebVisitorToken.Issue(secret, visitor, expiresAt), expiresAt));
    }

    private static async Task<IResult> PostMessageAsync(
        Guid id, HttpContext context, IChannelDirectory directory, ChannelAdapters adapters, IInboundAcceptor acceptor, TimeProvider time)
    {
        var (channel, request) = await OpenAsync(id, context, directory, time);
        if (Refusal(channel, request) is { } refused)
        {
            return refused;
        }

        switch (adapters.AdapterFor(WebChannelAdapter.ChannelType)!.Handle(request, channel.Settings))
        {
            case InboundOutcome.Refused problem:
                return InboundEndpoint.Problem(problem);
            case InboundOutcome.Accepted accepted:
                await acceptor.AcceptAsync(channel, accepted.Messages, context.RequestAborted);
                return TypedResults.Text(accepted.Answer.Body, accepted.Answer.ContentType);
            default:
                throw new InvalidOperationException("The web adapter returned no known outcome.");
        }
    }

    private static async Task<IResult> ReadRepliesAsync(
        Guid id, HttpContext context, IChannelDirectory directory, WebConversationStore store, IPersonalDataProtection protection, TimeProvider time)
    {
        var (channel, request) = await OpenAsync(id, context, directory, time);
        if (Refusal(channel, request) is { } refused)
        {
            return refused;
        }

        var (visitor, badToken) = WebRequestChecks.Visitor(request, channel.Settings);
        if (badToken is not null)
        {
            return InboundEndpoint.Problem(badToken);
        }

        var replies = await store.RepliesAsync(channel.Tenant, channel.Id, visitor!, context.RequestAborted);
        var views = new List<WebReplyView>(replies.Count);
        foreach (var byCustomer in replies.GroupBy(r => r.CustomerId))
        {
            using var cipher = await protection.ForReadingAsync(channel.Tenant, byCustomer.Key);
            views.AddRange(byCustomer.Select(r => new WebReplyView(r.MessageId, cipher.Open(r.SealedBody), r.SentAt)));
        }

        return TypedResults.Ok(new WebRepliesView([.. views.OrderBy(v => v.SentAt)]));
    }

    private static async Task<IResult> PreflightAsync(Guid id, HttpContext context, IChannelDirectory directory, TimeProvider time)
    {
        var (channel, request) = await OpenAsync(id, context, directory, time);
        if (request.Header(WebRequestChecks.OriginHeader) is not { } origin || WebRequestChecks.Origin(request, channel.Settings) is not null)
        {
            return InboundEndpoint.Problem(new InboundOutcome.Refused(403, WebRequestChecks.OriginHeader, "A preflight is answered for the channel's allowedOrigins only."));
        }

        WebCors.AllowPreflight(context.Response, origin);
        return TypedResults.NoContent();
    }

    /// <summary>Public routes: one client address gets <see cref="WebChannelOptions.RequestsPerAddress"/> requests per window and channel, then 429.</summary>
    private static async ValueTask<object?> LimitAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var channel = context.Request.RouteValues["id"] is string id && Guid.TryParse(id, out var parsed) ? parsed : Guid.Empty;
        if (context.RequestServices.GetRequiredService<WebRequestLimiter>().TryAcquire(channel, context.Connection.RemoteIpAddress, out var retryAfter))
        {
            return await next(invocation);
        }

        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests.",
            detail: "This address has made too many requests to the web channel; retry after the Retry-After seconds.");
    }

    /// <summary>The web channel the address names (404 for another type: only a web channel has these routes) and the request.</summary>
    private static async Task<(ChannelInfo Channel, InboundRequest Request)> OpenAsync(Guid id, HttpContext context, IChannelDirectory directory, TimeProvider time)
    {
        var channel = await directory.FindAsync(id, context.RequestAborted);
        if (channel is not { Type: WebChannelAdapter.ChannelType })
        {
            throw new NotFoundException($"No web channel '{id}'.");
        }

        // Before the body is read: a 413 for an allowed page is readable by it too.
        var origin = context.Request.Headers.Origin.ToString();
        if (WebOrigins.IsAllowed(origin, channel.Settings.GetValueOrDefault(WebSettings.AllowedOrigins), context.Request.Host.Value))
        {
            WebCors.Allow(context.Response, origin);
        }

        return (channel, await InboundEndpoint.ReadRequestAsync(context, time, WebChannelAdapter.MaxBodyBytes));
    }

    /// <summary>A page the channel does not allow is refused (403).</summary>
    private static IResult? Refusal(ChannelInfo channel, InboundRequest request) =>
        WebRequestChecks.Origin(request, channel.Settings) is { } refused ? InboundEndpoint.Problem(refused) : null;
}
