using System.Text.Json;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Infrastructure;

namespace TicketGrains.Api.Channels.Web;

/// <summary>
/// The shop's site (type <c>web</c>): the chat widget and the web form post a JSON <see cref="WebMessage"/> with the
/// visitor's token in <see cref="WebRequestChecks.TokenHeader"/>, from a page whose Origin the channel allows. A browser
/// holds no secret, so no signature: the token proves the server issued the visitor id (401 when forged or missing,
/// 403 when expired), the Origin that the page is one the shop allows (403). The widget's message id de-duplicates
/// its retries.
/// </summary>
public sealed class WebChannelAdapter : IChannelAdapter
{
    public const string ChannelType = "web";

    /// <summary>A message of the longest text allowed, every character escaped, fits; more is refused with 413.</summary>
    public const int MaxBodyBytes = 128 * 1024;

    public string Type => ChannelType;

    public IReadOnlyList<string> RequiredSettings { get; } = [WebSettings.Secret, WebSettings.AllowedOrigins];

    public InboundOutcome Handle(InboundRequest request, IReadOnlyDictionary<string, string> settings)
    {
        if (request.Method != "POST")
        {
            return new InboundOutcome.Refused(405, "method", "A web channel takes messages by POST only.");
        }

        if (WebRequestChecks.Origin(request, settings) is { } badOrigin)
        {
            return badOrigin;
        }

        var (visitor, badToken) = WebRequestChecks.Visitor(request, settings);
        if (badToken is not null)
        {
            return badToken;
        }

        if (request.Body.Length > MaxBodyBytes)
        {
            return new InboundOutcome.Refused(413, "body", $"A web message is at most {MaxBodyBytes / 1024} KiB.");
        }

        return Read(request.Body) switch
        {
            (null, var field, var detail) => new InboundOutcome.Refused(400, field!, detail!),
            (var m, _, _) => WebMessageRules.Normalise(m!, visitor!, request.ReceivedAt) switch
            {
                (null, var field, var detail) => new InboundOutcome.Refused(400, field!, detail!),
                (var message, _, _) => new InboundOutcome.Accepted([message!], InboundAnswer.Json("{\"received\":true}")),
            },
        };
    }

    private static (WebMessage? Message, string? Field, string? Detail) Read(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize<WebMessage>(body, JsonBody.Options) is { } m
                ? (m, null, null)
                : (null, "body", "The body must be a JSON object.");
        }
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return (null, path, "The body must be a JSON message {messageId, message, name?, email?, subject?}: " + e.Message);
        }
    }
}
