using System.Net;
using System.Text.Json;
using TicketGrains.IntegrationTests.Attachments;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.AutoFill.Proposals;

/// <summary>Reads of a ticket's filled and proposed fields, and the accept and reject routes.</summary>
public static class ProposalRequests
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static string Accept(Guid ticket, string name) => $"{TicketRequests.Ticket(ticket)}/proposed-fields/{name}/accept";

    public static string Reject(Guid ticket, string name) => $"{TicketRequests.Ticket(ticket)}/proposed-fields/{name}/reject";

    /// <summary>The ticket, read until <paramref name="ready"/> holds for it (the pipeline fills it after the answer).</summary>
    public static async Task<JsonElement> TicketWhenAsync(ApiClient api, Guid ticket, string what, Func<JsonElement, bool> ready)
    {
        JsonElement read = default;
        await Poll.UntilAsync(what, Deadline, async () => ready(read = (await api.GetAsync(TicketRequests.Ticket(ticket))).Expect(HttpStatusCode.OK).Json));
        return read;
    }

    public static bool HasField(JsonElement ticket, string name) => ticket.GetProperty("fields").TryGetProperty(name, out _);

    public static string? Field(JsonElement ticket, string name) =>
        ticket.GetProperty("fields").TryGetProperty(name, out var value) ? value.GetString() : null;

    public static string? Source(JsonElement ticket, string name) =>
        ticket.GetProperty("fieldSources").TryGetProperty(name, out var value) ? value.GetString() : null;

    /// <summary>The ticket's FieldsProposed events' data, in order.</summary>
    public static Task<List<JsonElement>> ReadingsAsync(ApiClient api, Guid ticket) => AttachmentRequests.EventsAsync(api, ticket, "FieldsProposed");

    public static JsonElement? Proposed(JsonElement ticket, string name) =>
        ticket.GetProperty("proposedFields").EnumerateArray().Cast<JsonElement?>().SingleOrDefault(p => p!.Value.GetProperty("name").GetString() == name);
}
