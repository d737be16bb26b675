namespace TicketGrains.Grains.ReadModel;

/// <summary>
/// The read-model row a ticket event leaves behind (tg_tickets), written with the event. The last three are what a queue
/// orders and matches a waiting ticket by beyond its priority (<c>QueuedTicket</c>), the lists space-joined: a queue
/// rebuilt from these rows keeps a VIP first, a skilled ticket away from the unskilled and a declined offer away from
/// its agent.
/// </summary>
public sealed record TicketRow(
    Guid TicketId,
    string Status,
    string Category,
    string Priority,
    string Queue,
    Guid CustomerId,
    string? Assignee,
    string Channel,
    string Subject,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SlaDueAt,
    DateTimeOffset? ClaimDueAt = null,
    string? Tier = null,
    string Skills = "",
    string SkippedAgents = "")
{
    /// <summary>Joins names for <see cref="Skills"/> and <see cref="SkippedAgents"/>: space-separated text keeps the record's
    /// equality by value, and skill names and agent ids never hold a space (<c>AgentIds.IsValid</c>).</summary>
    public static string Names(IEnumerable<string> names) => string.Join(' ', names);

    /// <summary>The names of a joined list, none for an empty text.</summary>
    public static string[] Split(string names) => names.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
