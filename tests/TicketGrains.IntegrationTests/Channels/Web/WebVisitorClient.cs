using System.Net;
using System.Text;
using TicketGrains.Api.Channels.Web;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Channels.Web;

namespace TicketGrains.IntegrationTests.Channels.Web;

/// <summary>
/// A web channel and what a visitor's browser sends to it over real HTTP, with no bearer token: the page's Origin,
/// the visitor token the channel issued, the widget's JSON.
/// </summary>
public sealed class WebVisitorClient(HttpClient http, ApiClient admin, Guid channel)
{
    public Guid Channel => channel;

    public ApiClient Admin => admin;

    public static async Task<WebVisitorClient> CreateAsync(HttpClient http, ApiClient admin, string allowedOrigins = WebRequests.AllowedOrigins)
    {
        var settings = new { secret = WebRequests.Secret, allowedOrigins };
        var created = (await admin.PostAsync("/api/v1/channels", new { type = "web", name = "shop site", settings })).Expect(HttpStatusCode.Created);
        return new WebVisitorClient(http, admin, created.Id);
    }

    /// <summary>A visitor token from the channel (renewing <paramref name="earlier"/> when given).</summary>
    public async Task<(string VisitorId, string Token)> VisitorAsync(string? earlier = null, string origin = WebRequests.ShopOrigin)
    {
        var issued = (await SendAsync(HttpMethod.Post, "visitors", null, earlier, origin)).Expect(HttpStatusCode.OK);
        return (issued.String("visitorId")!, issued.String("token")!);
    }

    public Task<ApiResponse> PostAsync(string body, string? token, string origin = WebRequests.ShopOrigin) =>
        SendAsync(HttpMethod.Post, "messages", Encoding.UTF8.GetBytes(body), token, origin);

    public Task<ApiResponse> RepliesAsync(string token, string origin = WebRequests.ShopOrigin) => SendAsync(HttpMethod.Get, "messages", null, token, origin);

    public Task<ApiResponse> SendAsync(HttpMethod method, string route, byte[]? body, string? token, string? origin)
    {
        var request = new HttpRequestMessage(method, $"/api/v1/channels/{channel}/web/{route}");
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            // A body over the channel's limit asks to continue first: refused before it is read, it is never sent, and
            // the answer cannot race the upload.
            request.Headers.ExpectContinue = body.Length > WebChannelAdapter.MaxBodyBytes;
        }

        if (origin is not null)
        {
            request.Headers.Add(WebRequestChecks.OriginHeader, origin);
        }

        if (token is not null)
        {
            request.Headers.Add(WebRequestChecks.TokenHeader, token);
        }

        return new ApiClient(http, null, "").SendAsync(request);
    }
}
