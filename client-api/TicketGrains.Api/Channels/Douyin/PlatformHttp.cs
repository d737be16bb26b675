using System.Net;
using Microsoft.Extensions.Options;
using TicketGrains.Grains.Webhooks;
using TicketGrains.Api.Channels.Outbound;

namespace TicketGrains.Api.Channels.Douyin;

/// <summary>The HTTP side of a platform API call that the WeChat, WeCom, Douyin and Weibo clients share.</summary>
internal static class PlatformHttp
{
    /// <summary>
    /// An HTTP client for one platform, the one place PlatformApis' settings reach one: connections only to addresses
    /// the network guard accepts (checked per connection), no redirects (a platform API never redirects; following one
    /// could carry the token elsewhere).
    /// </summary>
    public static void Configure(IServiceCollection services, string name) =>
        services.AddHttpClient(name)
            // Platform calls are cut at the timeout: the outbound side retries, so a hanging platform must not hold a sender.
            .ConfigureHttpClient((provider, client) => client.Timeout = provider.GetRequiredService<IOptions<PlatformApiOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(provider =>
                new NetworkGuard(provider.GetRequiredService<IOptions<PlatformApiOptions>>().Value.AllowPrivateNetworks).Handler());

    /// <summary>The address of a path under a channel's apiBaseUrl (whatever path the base already has is kept).</summary>
    public static Uri Address(string apiBaseUrl, string path, string? query = null) =>
        new($"{apiBaseUrl.TrimEnd('/')}/{path.TrimStart('/')}{(query is null ? "" : $"?{query}")}");

    /// <summary>A failed status without a platform error code: server errors, throttling and timeouts are worth retrying.</summary>
    public static SendOutcome ForStatus(string platform, HttpStatusCode status) =>
        SendOutcome.Failed($"{platform} answered HTTP {(int)status}", (int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout);

    /// <summary>Runs one send, turning an unreachable or silent platform into a retryable failure.</summary>
    public static async Task<SendOutcome> Guard(string platform, Func<Task<SendOutcome>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException e) when (Innermost(e) is RefusedAddressException refused)
        {
            return SendOutcome.Failed($"{platform} base address refused: {refused.Message}", false);
        }
        catch (HttpRequestException e)
        {
            return SendOutcome.Failed($"{platform} unreachable: {e.Message}", true);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SendOutcome.Failed($"{platform} did not answer within the platform call timeout", true);
        }
        catch (System.Text.Json.JsonException)
        {
            return SendOutcome.Failed($"{platform} answered with a body that is not JSON", true);
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
