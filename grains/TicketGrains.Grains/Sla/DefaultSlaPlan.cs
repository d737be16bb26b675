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
        created.SlaDueAt is { } due ? FirstReplyOnly(due - created.At) : null;

    private static SlaPlan FirstReplyOnly(TimeSpan target) => new()
    {
        Policy = Name,
        Targets = [new SlaPlanTarget(SlaMetrics.FirstReply, (long)target.TotalSeconds, BusinessHours: false)],
    };
}
