using System.Globalization;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.Sla;

/// <summary>
/// The internal note an escalation's <c>notify</c> leaves on the ticket, like a trigger's notify action: it mentions
/// the supervisor, whom the workbench and the live feed show it to. Folded from the breach event itself, so it exists
/// exactly when the breach does (once, and never without it).
/// </summary>
public static class SlaEscalationNote
{
    public const string Author = "sla";

    public static TicketMessageView? For(SlaBreached breach) => breach.Notify is not { } to ? null : new TicketMessageView(
        Author,
        string.Create(CultureInfo.InvariantCulture,
            $"@{to} SLA {breach.Metric ?? SlaMetrics.FirstReply} breached (due {breach.DueAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC){Changes(breach)}."),
        true,
        breach.At);

    private static string Changes(SlaBreached breach) =>
        (breach.RaisedPriority, breach.Queue) switch
        {
            (null, null) => "",
            ({ } priority, null) => $"; priority raised to {priority}",
            (null, { } queue) => $"; moved to queue {queue}",
            ({ } priority, { } queue) => $"; priority raised to {priority}, moved to queue {queue}",
        };
}
