using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.Sla;

/// <summary>The plan of a tenant without a matching policy: first reply only, around the clock, targets from Sla:Urgent … Low.</summary>
public static class DefaultSlaPlan
{
    public const string Name = "default";

    public static SlaPlan For(SlaOptions options, string priority) => FirstReplyOnly(options.FirstResponseTarget(priority));

    /// <summary>The plan a TicketCreated written before plans existed ran under: its first-response due time, nothing else.</summary>
    public static SlaPlan? FromLegacy(TicketCreated created) =>
        created.SlaDueAt is { } due ? FromDueTime(created.At, due) : null;

    /// <summary>The default plan of a ticket created at <paramref name="createdAt"/> whose first reply was due at <paramref name="due"/>.</summary>
    public static SlaPlan FromDueTime(DateTimeOffset createdAt, DateTimeOffset due) => FirstReplyOnly(due - createdAt);

    private static SlaPlan FirstReplyOnly(TimeSpan target) => new()
    {
        Policy = Name,
        Targets = [new SlaPlanTarget(SlaMetrics.FirstReply, (long)target.TotalSeconds, BusinessHours: false)],
    };
}
