using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.Web;

/// <summary>The checks every web channel request passes: a page allowed to embed the channel, and a visitor token the server issued that is still good.</summary>
public static class WebRequestChecks
{
    public const string OriginHeader = "Origin";
    public const string TokenHeader = "X-Visitor-Token";

    /// <summary>
    /// Null when the page may use the channel. A GET without Origin passes: browsers leave Origin off only for a
    /// same-origin GET (the hosted form reading its replies), while every cross-origin request carries it; the token
    /// still has to name the visitor.
    /// </summary>
    public static InboundOutcome.Refused? Origin(InboundRequest request, IReadOnlyDictionary<string, string> settings)
    {
        var origin = request.Header(OriginHeader);
        if ((origin is null && request.Method == "GET")
            || WebOrigins.IsAllowed(origin, settings.GetValueOrDefault(WebSettings.AllowedOrigins), request.Header("Host")))
        {
            return null;
        }

        return new InboundOutcome.Refused(403, OriginHeader, "The page's Origin is not one of the channel's allowedOrigins: this site may not embed the channel.");
    }

    /// <summary>The visitor the request's token names, or why it is refused: 401 for no or a forged token, 403 for an expired one.</summary>
    public static (string? VisitorId, InboundOutcome.Refused? Refused) Visitor(InboundRequest request, IReadOnlyDictionary<string, string> settings)
    {
        var check = WebVisitorToken.Check(settings[WebSettings.Secret], request.Header(TokenHeader), request.ReceivedAt);
        return check.State switch
        {
            VisitorTokenState.Valid => (check.VisitorId, null),
            VisitorTokenState.Expired => (null, new InboundOutcome.Refused(403, TokenHeader, "The visitor token has expired: ask for a new one (POST .../web/visitors with it).")),
            _ => (null, new InboundOutcome.Refused(401, TokenHeader, "The visitor token is missing or was not issued by this channel.")),
        };
    }
}
