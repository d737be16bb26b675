using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Outage;

/// <summary>One API call made while the database is down, and how it was answered.</summary>
public sealed record OutageRequest(string Name, Func<ApiClient, Task<ApiResponse>> Call)
{
    public HttpStatusCode? Status { get; private init; }

    public string? RetryAfter { get; private init; }

    public string Body { get; private init; } = "";

    public async Task<OutageRequest> SendAsync(ApiClient api)
    {
        var response = await Call(api);
        return this with { Status = response.Status, RetryAfter = response.Header("Retry-After"), Body = response.Text };
    }

    /// <summary>Answered from memory (2xx), or refused as unavailable with a Retry-After; never a 500 or another error.</summary>
    public void AssertAnsweredWithoutServerError() =>
        Assert.True(Status is HttpStatusCode.OK or HttpStatusCode.NoContent || (Status, RetryAfter) == (HttpStatusCode.ServiceUnavailable, "1"), ToString());

    public override string ToString() => $"{Name}: {(int?)Status} Retry-After {RetryAfter ?? "none"} {Body[..Math.Min(Body.Length, 300)]}";
}
