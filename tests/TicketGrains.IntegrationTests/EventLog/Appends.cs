using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.ReadModel;

namespace TicketGrains.IntegrationTests.EventLog;

/// <summary>Appends as a ticket grain makes them: an event with its read-model row; the JSON names the append so tests can tell which one went in.</summary>
internal static class Appends
{
    public const string Tenant = "writer-tests";

    public static AppendRequest Ticket(string note, Guid? ticket = null, int version = 1, string status = "new")
    {
        var id = ticket ?? Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        var row = new TicketRow(id, status, "general", "normal", "general", Guid.NewGuid(), null, "web", "subject", at, at, null);
        return new AppendRequest(Tenant, StreamIds.Ticket(id), version, "TicketCreated", $$"""{"note": "{{note}}"}""", row);
    }

    public static IEnumerable<AppendRequest> Tickets(int count, string note) => Enumerable.Range(0, count).Select(i => Ticket($"{note}-{i}"));
}
