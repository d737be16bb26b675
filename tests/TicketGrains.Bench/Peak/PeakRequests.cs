using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TicketGrains.Bench.Timeline;

namespace TicketGrains.Bench.Peak;

/// <summary>
/// Sends request n of the replay: the operation and target <see cref="PeakMix"/> chose for it. Creates and ticket
/// messages that are acknowledged go into the ledger, to be read back after the run.
/// </summary>
public sealed class PeakRequests(FrontEnds api, PeakSetup setup, PeakMix mix, AckLedger acks, string run)
{
    public async Task<Outcome> SendAsync(PeakOp op, long n, CancellationToken cancellationToken)
    {
        var marker = $"peak-{run}-{n}";
        var ticket = mix.Pick(n, setup.Tickets.Count);
        switch (op)
        {
            case PeakOp.CreateTicket:
                return await ExpectAsync(HttpStatusCode.Created, () => Post("api/v1/tickets", PeakBodies.Ticket(setup, mix.Pick(n, 50_000), marker), marker),
                    body => acks.Ticket(TimelineBench.IdOf(body)), cancellationToken);
            case PeakOp.AddMessage:
                return await ExpectAsync(HttpStatusCode.OK, () => Post($"api/v1/tickets/{setup.Tickets[ticket]}/messages", PeakBodies.Message(marker), null),
                    _ => acks.Message(setup.Tickets[ticket], marker), cancellationToken);
            case PeakOp.ReadTicket:
                return await ExpectAsync(HttpStatusCode.OK, () => new HttpRequestMessage(HttpMethod.Get, $"api/v1/tickets/{setup.Tickets[ticket]}"), null, cancellationToken);
            case PeakOp.ListTickets:
                return await ExpectAsync(HttpStatusCode.OK, () => new HttpRequestMessage(HttpMethod.Get, "api/v1/tickets?status=new&limit=20"), null, cancellationToken);
            case PeakOp.AgentPull:
                return await PullAsync(PeakSetup.Agent(mix.Pick(n, PeakSetup.AgentCount)), cancellationToken);
            case PeakOp.OrderEvent:
                return await ExpectAsync(HttpStatusCode.OK, () => Post("api/v1/order-events", PeakBodies.OrderEvent(setup, marker, ticket, n), null), null, cancellationToken);
            default:
                return await ExpectAsync(HttpStatusCode.OK, () => AppInbound(marker, mix.Pick(n, 5_000)), null, cancellationToken);
        }
    }

    private static HttpRequestMessage Post(string path, object body, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    /// <summary>The shop app's push: HMAC-SHA256 of "{timestamp}.{body}" with the channel's secret (ADR 0010).</summary>
    private HttpRequestMessage AppInbound(string messageId, int user)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(PeakBodies.AppMessage(messageId, user));
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(setup.ChannelSecret), signed));
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/channels/{setup.ChannelId}/inbound") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation("X-TicketGrains-Timestamp", timestamp);
        request.Headers.TryAddWithoutValidation("X-TicketGrains-Signature", signature);
        return request;
    }

    /// <summary>A pull that finds no waiting ticket (204) is as much an answer as one that hands a ticket over (200).</summary>
    private async Task<Outcome> PullAsync(string agent, CancellationToken cancellationToken)
    {
        using var response = await api.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"api/v1/agents/{agent}/next?waitSeconds=0"), cancellationToken);
        return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent
            ? Outcome.Success
            : Outcome.Fail(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), await response.Content.ReadAsStringAsync(cancellationToken));
    }

    private async Task<Outcome> ExpectAsync(HttpStatusCode expected, Func<HttpRequestMessage> request, Action<string>? acknowledged, CancellationToken cancellationToken)
    {
        using var response = await api.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != expected)
        {
            return Outcome.Fail(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), body);
        }

        acknowledged?.Invoke(body);
        return Outcome.Success;
    }
}
