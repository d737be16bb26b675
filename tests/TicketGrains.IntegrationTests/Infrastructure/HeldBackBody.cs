namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>
/// Sends a request whose body the server is expected to refuse unread. With "Expect: 100-continue" the client holds the
/// body back until the server asks for it, so a refusal arrives before any of the body was sent and cannot meet a reset.
/// </summary>
public static class HeldBackBody
{
    public static async Task<HttpResponseMessage> SendAsync(Uri baseAddress, HttpRequestMessage request)
    {
        // The client waits this long for the server's go-ahead or answer before it sends the body anyway (1 s by default,
        // which a busy test machine can miss).
        using var http = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) }) { BaseAddress = baseAddress };
        request.Headers.ExpectContinue = true;
        return await http.SendAsync(request);
    }
}
